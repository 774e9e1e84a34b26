// Content script for Seller Central's inventory file upload status pages
// (/listing/status, /listing/upload): the table watch (table-watch.ts) with
// the upload status extractor, apart from the inventory script so that
// neither page carries the other's vocabulary. Built as one self-contained
// script.

import { UPLOAD_STATUS_PAGE } from '../readers/page-type';
import { readUploadStatusPage } from '../readers/upload-status';
import { watchTablePage } from './table-watch';

watchTablePage({ kind: 'uploads', type: UPLOAD_STATUS_PAGE, read: () => readUploadStatusPage(document) });
