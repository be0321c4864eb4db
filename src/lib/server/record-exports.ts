// The record exports, reached from routes through src/lib/server like every other server/ module.
export { exportJson } from '../../../server/records/exports/json-export.ts';
export { gridCsv, planCsv } from '../../../server/records/exports/csv-export.ts';
export { renderRecordPdf } from '../../../server/records/exports/pdf-export.ts';
