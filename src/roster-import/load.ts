/**
 * Bytes → exceljs workbook, after the checks that keep a hostile or wrong file
 * away from the parser: size, OLE (.xls / encrypted), zip sizes and parts.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../errors.js';
import type { RosterImportLimits } from './limits.js';
import { uploadInvalid } from './upload-error.js';
import { inspectZip } from './zip-guard.js';

/** OLE compound files: .xls, .et, and any workbook Excel has encrypted with a password. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
function isOleFile(bytes: Uint8Array): boolean {
  return OLE_MAGIC.every((byte, i) => bytes[i] === byte);
}

export async function loadWorkbook(
  bytes: Uint8Array,
  limits: RosterImportLimits,
  fileName: string,
): Promise<ExcelJS.Workbook> {
  if (bytes.byteLength > limits.maxFileBytes) {
    throw uploadInvalid(
      fileName,
      'FILE_TOO_LARGE',
      `文件超过 ${limits.maxFileBytes} 字节`,
      `the file is larger than ${limits.maxFileBytes} bytes`,
    );
  }
  if (isOleFile(bytes)) {
    throw uploadInvalid(
      fileName,
      'XLS_OR_ENCRYPTED',
      '是旧版 .xls（或 WPS .et）文件或加了密码的工作簿，请在 Excel/WPS 中“另存为” .xlsx（不设密码）后上传',
      'an old .xls (or WPS .et) file or a password-protected workbook; save it as an unencrypted .xlsx and upload again',
    );
  }
  const verdict = await inspectZip(bytes, {
    maxEntries: limits.maxZipEntries,
    maxUncompressedBytes: limits.maxUncompressedBytes,
  });
  if (!verdict.ok) {
    if (verdict.reason === 'not-zip' || verdict.reason === 'not-xlsx') {
      throw uploadInvalid(fileName, 'NOT_XLSX', '不是 Excel 工作簿（.xlsx）文件', 'not an Excel workbook (.xlsx)');
    }
    throw uploadInvalid(
      fileName,
      'ZIP_TOO_LARGE',
      `解压后过大（${verdict.detail}）`,
      `too large once uncompressed (${verdict.detail})`,
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (cause) {
    throw new AppError('UPLOAD_INVALID', {
      cause,
      details: [
        {
          path: '/file',
          code: 'NOT_XLSX',
          message: `${fileName}：无法读取该 Excel 工作簿`,
          messageEn: `${fileName}: the workbook cannot be read`,
        },
      ],
      zh: `${fileName}：无法读取该 Excel 工作簿`,
      en: `${fileName}: the workbook cannot be read`,
    });
  }
  return workbook;
}
