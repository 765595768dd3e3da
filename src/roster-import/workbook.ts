/** exceljs bits its type definitions leave out, typed once here. */
import type { DataValidation, Worksheet } from 'exceljs';

/** Range-keyed data validations: exceljs writes and reads them, but its .d.ts does not declare them. */
export interface SheetDataValidations {
  add(address: string, validation: DataValidation): void;
  readonly model: Readonly<Record<string, DataValidation | undefined>>;
}

export function dataValidationsOf(sheet: Worksheet): SheetDataValidations {
  return (sheet as unknown as { dataValidations: SheetDataValidations }).dataValidations;
}

/** The media type of an XLSX file. */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
