// Refusals of a file to import: one line that names the file (the CLI reports it as a user error).
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

/** 64 MiB: far above any real spreadsheet of applications, far below what would hurt memory. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
