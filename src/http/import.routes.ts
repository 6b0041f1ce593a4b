// The web app's Import page: POST /api/import/preview answers what importing a file would do
// (format detected from its content, columns with their first values and the field each
// feeds, counts, refused rows); POST /api/import/file imports it in one transaction (one
// undoable activity, named in the Tactful-Activity header). Both read the file and build the
// import exactly as `tactful import` does (src/import, src/app/import-file.ts).
// POST /api/import stays the SPEC §6 JSON document.
import { z } from 'zod';
import {
  commitImport,
  previewImport,
  refusedRows,
  type ImportOptions,
  type ImportPreview,
} from '../app/import-file.js';
import { idSchema } from '../core/document/index.js';
import { DomainError } from '../core/errors.js';
import {
  FIELD_LABELS,
  IMPORT_FORMATS,
  SHEET_FIELDS,
  type ImportFormat,
} from '../core/import/index.js';
import type { LoadedFile } from '../import/index.js';
import { MAX_IMPORT_BYTES } from '../import/errors.js';
import type { RouteContext, ZodApp } from './context.js';
import { KEEPS_FACTS } from './draft-edit.routes.js';
import { errorSchema } from './schemas.js';

/** The CLI's size limit on the file, in base64 (4 characters per 3 bytes), and room for the rest. */
export const FILE_IMPORT_BODY_LIMIT = Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 64 * 1024;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const FILE_FORMATS = IMPORT_FORMATS.filter((f) => f !== 'json') as Exclude<ImportFormat, 'json'>[];

export const fileImportSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(255, 'must be at most 255 characters')
    .describe("the file's name, for messages only: the format is read from its content"),
  content: z
    .string()
    .max(FILE_IMPORT_BODY_LIMIT, `must be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB`)
    .refine((s) => s.length % 4 === 0 && BASE64.test(s), 'must be the file in base64')
    .describe("the file's bytes, base64: its encoding is detected like the CLI's"),
  from: z
    .enum(FILE_FORMATS)
    .optional()
    .describe('read the file as this format instead of the detected one'),
  columns: z
    .record(z.string().max(500), z.enum(SHEET_FIELDS).nullable())
    .optional()
    .describe("spreadsheets: the seeker's choices, header → field (null: ignore the column)"),
  dateOrder: z.enum(['dmy', 'mdy']).optional().describe('how to read 03/04/2026'),
  application: idSchema.optional().describe('invitations: the application they belong to'),
  skipBadRows: z.boolean().optional().describe('import the good rows when some are refused'),
});
type FileImportInput = z.infer<typeof fileImportSchema>;

const entityCounts = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
const rowProblem = z.object({
  row: z.number().int().describe('as a spreadsheet program numbers it (0: the whole file)'),
  column: z.string().optional(),
  reason: z.string(),
});

export const importPreviewSchema = z.object({
  name: z.string(),
  format: z.enum(IMPORT_FORMATS),
  encoding: z.string(),
  table: z.enum(['applications', 'contacts', 'interactions']).optional(),
  columns: z
    .array(
      z.object({
        header: z.string(),
        field: z.enum(SHEET_FIELDS).nullable(),
        label: z.string(),
        samples: z.array(z.string()),
      }),
    )
    .optional(),
  fields: z
    .array(z.object({ field: z.enum(SHEET_FIELDS), label: z.string() }))
    .optional()
    .describe('spreadsheets: every field a column can feed, with its label (for the choice)'),
  counts: z.object({
    contacts: entityCounts,
    applications: entityCounts,
    interviews: entityCounts,
    interactions: entityCounts,
    removedInterviews: z.number().int(),
  }),
  refused: z.array(rowProblem),
  skipped: z.array(rowProblem),
  notes: z.array(z.string()),
  written: z.boolean(),
});

async function load(input: FileImportInput): Promise<Extract<LoadedFile, { kind: 'records' }>> {
  const { loadImportBytes } = await import('../import/index.js');
  let loaded: LoadedFile;
  try {
    loaded = await loadImportBytes(input.name, Buffer.from(input.content, 'base64'), {
      from: input.from,
      overrides: input.columns ?? {},
    });
  } catch (error) {
    // The reader's refusal already names the file ("applications.xlsx: is a zip archive …").
    if (error instanceof Error && error.name === 'ImportFileError')
      throw new DomainError('invalid_input', error.message, 'content', { namesField: true });
    throw error;
  }
  if (loaded.kind === 'document') {
    throw new DomainError(
      'invalid_input',
      `${input.name}: is a tactful JSON document (a backup); restore it with \`tactful import ${input.name}\``,
      'content',
      { namesField: true },
    );
  }
  return loaded;
}

function optionsOf(input: FileImportInput): ImportOptions {
  return {
    dateOrder: input.dateOrder,
    applicationId: input.application,
    skipBadRows: input.skipBadRows === true,
  };
}

async function answer(
  input: FileImportInput,
  loaded: Extract<LoadedFile, { kind: 'records' }>,
  preview: ImportPreview,
) {
  const { encodingName } = await import('../import/read-input.js');
  const fields = preview.columns
    ? SHEET_FIELDS.map((field) => ({ field, label: FIELD_LABELS[field] }))
    : undefined;
  return {
    name: input.name,
    encoding: encodingName(loaded.probe.encoding),
    ...preview,
    ...(fields ? { fields } : {}),
  };
}

export function importRoutes(app: ZodApp, { deps }: RouteContext): void {
  app.post(
    '/api/import/preview',
    {
      bodyLimit: FILE_IMPORT_BODY_LIMIT,
      // Reads only: the plan cache stays warm.
      config: KEEPS_FACTS,
      schema: {
        tags: ['import-export'],
        description:
          'What importing a spreadsheet, tracker export, LinkedIn Connections.csv, vCard or iCalendar file would do. Writes nothing.',
        body: fileImportSchema,
        response: { 200: importPreviewSchema, 400: errorSchema, 413: errorSchema },
      },
    },
    async (request) => {
      const loaded = await load(request.body);
      const preview = await previewImport(
        deps.uow,
        deps.calendar,
        loaded.source,
        optionsOf(request.body),
      );
      return answer(request.body, loaded, preview);
    },
  );

  app.post(
    '/api/import/file',
    {
      bodyLimit: FILE_IMPORT_BODY_LIMIT,
      schema: {
        tags: ['import-export'],
        description:
          'Imports the file as the preview describes, in one transaction and one undoable activity (Tactful-Activity header). Refused rows: 400 unless skipBadRows.',
        body: fileImportSchema,
        response: { 200: importPreviewSchema, 400: errorSchema, 413: errorSchema },
      },
    },
    async (request) => {
      const loaded = await load(request.body);
      const done = await commitImport(
        deps.uow,
        deps.calendar,
        loaded.source,
        optionsOf(request.body),
      );
      if (!done.written) {
        throw new DomainError(
          'invalid_input',
          `nothing imported: ${refusedRows(done.refused)} refused; fix them or import the rest with "Skip the refused rows"`,
          'skipBadRows',
          { namesField: true },
        );
      }
      return answer(request.body, loaded, done);
    },
  );
}
