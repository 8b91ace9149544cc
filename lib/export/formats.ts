/** The file formats of an export (no dependency: usable by client components and schemas). */
export const FILE_FORMATS = ["csv", "xlsx"] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

export const CSV_TARGETS = ["spreadsheet", "crm"] as const;
/** Who will open a CSV file: a spreadsheet (Excel drops leading zeros unless told the cell is text) or a CRM import (plain values). */
export type CsvTarget = (typeof CSV_TARGETS)[number];

export const CONTENT_TYPES: Record<FileFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};
