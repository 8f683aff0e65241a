// Types for linebreak (the Unicode line breaking algorithm pdfkit itself wraps text with).
declare module 'linebreak' {
  interface Break {
    /** Index (UTF-16) in the string where the next line may start. */
    position: number;
    /** A mandatory break (a newline). */
    required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
