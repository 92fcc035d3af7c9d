//! What reading a file gives, or why it refuses: its format, its sheets, the limits it is
//! read under.

use std::fmt;

/// The formats a partner's file may come in, recognised from its content, never its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
    Json,
    Html,
}

impl Format {
    /// The stable code stored with a batch and shown in the history.
    pub fn code(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Json => "json",
            Format::Html => "html",
        }
    }
}

/// One table of a file: its header row and the rows under it, each cell trimmed text.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    /// The XLSX sheet name, or the key of a nested JSON list ("financials"); None otherwise.
    pub name: Option<String>,
    pub headers: Vec<String>,
    /// (row number as the partner sees it in a spreadsheet or text editor, 1-based, the header
    /// row counting; cells)
    pub rows: Vec<(usize, Vec<String>)>,
}

/// A whole file, read.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub format: Format,
    /// The text encoding used (encoding_rs name, e.g. "UTF-8", "UTF-16LE", "GBK", "gb18030",
    /// "windows-874"); None for XLSX.
    pub encoding: Option<String>,
    pub sheets: Vec<Sheet>,
}

/// How much one upload may be, and expand into.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Size of the upload.
    pub max_bytes: usize,
    /// Data rows over all sheets.
    pub max_rows: usize,
    /// XLSX: total declared uncompressed size of the zip's entries.
    pub max_unzipped: u64,
    /// XLSX: number of zip entries.
    pub max_entries: usize,
    /// XLSX: uncompressed / compressed size of one (large) entry.
    pub max_ratio: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 10 * 1024 * 1024,
            max_rows: 20_000,
            max_unzipped: 100 * 1024 * 1024,
            max_entries: 1_000,
            max_ratio: 100,
        }
    }
}

static CONFIGURED: std::sync::OnceLock<Limits> = std::sync::OnceLock::new();

/// Sets this process's limits, from its configuration, once at start-up.
pub fn configure(limits: Limits) {
    let _ = CONFIGURED.set(limits);
}

/// This process's limits: as configured, else the defaults.
pub fn limits() -> Limits {
    CONFIGURED.get().copied().unwrap_or_default()
}

/// Why a file could not be read. Each maps to a localized message elsewhere via `code()`.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadError {
    Empty,
    TooLarge {
        limit: usize,
    },
    TooManyRows {
        limit: usize,
    },
    /// Not CSV/XLSX/JSON/HTML (e.g. a legacy binary XLS, a PDF, a PNG).
    UnknownFormat,
    /// An override label encoding_rs does not know.
    UnknownEncoding {
        label: String,
    },
    /// `offset`: the first invalid byte, counted from byte 0 of the upload (BOM included).
    Undecodable {
        encoding: String,
        offset: usize,
    },
    /// Technical, short, not localized: "line 12: unclosed quote".
    Malformed {
        detail: String,
    },
    /// No table with a header row.
    NoTable,
    /// Declared (or actual) sizes over the limits.
    ZipBomb {
        reason: String,
    },
}

impl ReadError {
    /// The stable code the localized messages are keyed by.
    pub fn code(&self) -> &'static str {
        match self {
            ReadError::Empty => "empty",
            ReadError::TooLarge { .. } => "too-large",
            ReadError::TooManyRows { .. } => "too-many-rows",
            ReadError::UnknownFormat => "unknown-format",
            ReadError::UnknownEncoding { .. } => "unknown-encoding",
            ReadError::Undecodable { .. } => "undecodable",
            ReadError::Malformed { .. } => "malformed",
            ReadError::NoTable => "no-table",
            ReadError::ZipBomb { .. } => "zip-bomb",
        }
    }

    /// Parser messages can quote the file; a short prefix is enough to find the problem.
    pub(super) fn malformed(detail: impl fmt::Display) -> Self {
        let detail = detail.to_string().chars().take(200).collect();
        ReadError::Malformed { detail }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Empty => f.write_str("the file is empty"),
            ReadError::TooLarge { limit } => write!(f, "the file is larger than {limit} bytes"),
            ReadError::TooManyRows { limit } => write!(f, "the file has more than {limit} rows"),
            ReadError::UnknownFormat => {
                f.write_str("the file is not CSV, XLSX, JSON or an HTML table")
            }
            ReadError::UnknownEncoding { label } => write!(f, "unknown text encoding {label:?}"),
            ReadError::Undecodable { encoding, offset } => {
                write!(
                    f,
                    "the file is not valid {encoding}: bad byte at offset {offset}"
                )
            }
            ReadError::Malformed { detail } => write!(f, "the file is malformed: {detail}"),
            ReadError::NoTable => f.write_str("no table with a header row was found"),
            ReadError::ZipBomb { reason } => {
                write!(f, "the spreadsheet expands too much: {reason}")
            }
        }
    }
}

impl std::error::Error for ReadError {}
