/** The `linebreak` package (UAX #14) ships no types. */
declare module 'linebreak' {
  export interface Break {
    /** UTF-16 index where the next line may start. */
    readonly position: number;
    readonly required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
