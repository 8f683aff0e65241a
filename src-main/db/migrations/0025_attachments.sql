-- Evidence attached to a case or a slip (issue 19; seeds 001 "连同异常样品签注意见", 000 "留复印件备查",
-- 004 recordings): goods photos, receipts, ID copies, a body's letter, recordings, other. The bytes live
-- content-addressed (sha256) in the folder beside the store (db/blob-store.ts), written and fsynced
-- before the row that names them commits. A row is never deleted: voided with a reason, like a slip.
-- The metadata goes to head office as an 'attachment' outbox record; the bytes by their own channel.
CREATE TABLE attachments (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  owner_type TEXT NOT NULL CHECK (owner_type IN ('case', 'slip')),
  owner_id TEXT NOT NULL,
  -- The case it belongs to: the case itself, or the slip's case (NULL for a slip without a case).
  case_id TEXT REFERENCES cases(id),
  kind TEXT NOT NULL CHECK (kind IN ('goods_photo', 'receipt', 'id_copy', 'body_letter', 'recording', 'other')),
  -- What the stored bytes are, decided from the bytes (never the name).
  mime TEXT NOT NULL,
  -- The file's name as the user gave it (shown, printed; never used to decide the type).
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  size INTEGER NOT NULL CHECK (size > 0),
  width INTEGER,
  height INTEGER,
  -- An image's or a PDF's thumbnail (JPEG), itself a blob.
  thumb_sha256 TEXT CHECK (thumb_sha256 IS NULL OR length(thumb_sha256) = 64),
  -- The file as received, when settings.attachmentKeepOriginals (images are otherwise re-encoded only).
  original_sha256 TEXT CHECK (original_sha256 IS NULL OR length(original_sha256) = 64),
  added_at INTEGER NOT NULL,
  added_by TEXT NOT NULL REFERENCES users(id),
  added_by_name TEXT NOT NULL,
  voided_at INTEGER,
  voided_by TEXT REFERENCES users(id),
  voided_by_name TEXT,
  void_reason TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL,
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
);
CREATE INDEX attachments_owner ON attachments(owner_type, owner_id, added_at);
CREATE INDEX attachments_case ON attachments(case_id) WHERE case_id IS NOT NULL;
CREATE TRIGGER attachments_no_delete BEFORE DELETE ON attachments
  BEGIN SELECT RAISE(ABORT, 'attachments are never deleted: void them with a reason'); END;

-- Every blob a row names (the file, its thumbnail, a kept original), and whether head office has
-- confirmed it holds the same bytes (its hash checked there): the upload channel sends the rows with
-- uploaded_at NULL that `upload` says go to head office (a kept original stays at the branch).
CREATE TABLE attachment_blobs (
  sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  size INTEGER NOT NULL CHECK (size > 0),
  mime TEXT NOT NULL,
  upload INTEGER NOT NULL CHECK (upload IN (0, 1)),
  stored_at INTEGER NOT NULL,
  uploaded_at INTEGER
) WITHOUT ROWID;
CREATE INDEX attachment_blobs_waiting ON attachment_blobs(stored_at) WHERE upload = 1 AND uploaded_at IS NULL;
CREATE TRIGGER attachment_blobs_no_delete BEFORE DELETE ON attachment_blobs
  BEGIN SELECT RAISE(ABORT, 'attachment blobs are never deleted'); END;
