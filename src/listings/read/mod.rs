//! Turns the bytes a partner uploads into sheets of text cells.
//!
//! The format is recognised from the content, never the name: exchange websites serve HTML
//! tables and CSV under `.xls`. Everything here is synchronous and bounded by [`Limits`], so a
//! hostile or broken file costs a known amount of memory and time, and never panics. Legacy
//! binary XLS is refused: calamine reads it into dense ranges sized by its farthest cells, so a
//! small crafted file could ask for gigabytes.

mod csv;
mod html;
mod json;
mod text;
mod xlsx;

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
    fn malformed(detail: impl fmt::Display) -> Self {
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

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
/// Binary formats partners upload by mistake whose first kilobyte can still decode as text.
const BINARY_MAGICS: [&[u8]; 6] = [
    b"%PDF-",
    b"\x89PNG",
    b"\xFF\xD8\xFF",
    b"GIF8",
    b"\x1F\x8B",
    b"Rar!",
];
/// How far into a text the control-character test looks.
const SNIFF_BYTES: usize = 1024;

/// Reads `bytes`. `encoding`: a label chosen by the partner (`encoding_rs::Encoding::for_label`)
/// to override detection; ignored for XLSX.
pub fn read(bytes: &[u8], encoding: Option<&str>, limits: &Limits) -> Result<Document, ReadError> {
    if bytes.len() > limits.max_bytes {
        return Err(ReadError::TooLarge {
            limit: limits.max_bytes,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty);
    }
    let mut budget = Budget::new(limits);
    let (format, sheets) = if bytes.starts_with(ZIP_MAGIC) {
        xlsx::check_zip(bytes, limits)?;
        (Format::Xlsx, xlsx::read_xlsx(bytes, &mut budget)?)
    } else if bytes.starts_with(OLE_MAGIC)
        || BINARY_MAGICS.iter().any(|magic| bytes.starts_with(magic))
    {
        return Err(ReadError::UnknownFormat);
    } else {
        let (text, used) = text::decode(bytes, encoding)?;
        let format = sniff_text(&text)?;
        let sheets = match format {
            Format::Json => json::read(&text, &mut budget)?,
            Format::Html => html::read(&text, &mut budget)?,
            _ => self::csv::read(&text, &mut budget)?,
        };
        return Ok(Document {
            format,
            encoding: Some(used.name().to_owned()),
            sheets,
        });
    };
    Ok(Document {
        format,
        encoding: None,
        sheets,
    })
}

/// Tells JSON, an HTML table and CSV apart once the bytes are text.
fn sniff_text(text: &str) -> Result<Format, ReadError> {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if start.is_empty() {
        return Err(ReadError::Empty);
    }
    if start.starts_with(['{', '[']) {
        return Ok(Format::Json);
    }
    let has_table = || {
        start
            .as_bytes()
            .windows(6)
            .any(|w| w.eq_ignore_ascii_case(b"<table"))
    };
    if start.starts_with('<') && has_table() {
        return Ok(Format::Html);
    }
    let head = start.char_indices().take_while(|(at, _)| *at < SNIFF_BYTES);
    if head.map(|(_, c)| c).any(is_control) {
        return Err(ReadError::UnknownFormat);
    }
    Ok(Format::Csv)
}

/// Characters no partner's text file contains near its start, but every binary file does.
fn is_control(c: char) -> bool {
    !matches!(c, '\t' | '\r' | '\n') && c.is_control()
}

/// The most columns a row may have: listings have tens, and rows shorter than the header are
/// padded, so a runaway width would multiply memory.
pub(super) const MAX_COLUMNS: usize = 1024;
/// Cells over all sheets, per allowed row: generous for listings, bounded for padding.
const CELLS_PER_ROW: usize = 100;
/// Text over all cells: an XLSX shared string or a JSON symbol is copied into every cell that
/// uses it, so a small file could otherwise expand without bound.
const MAX_TEXT: usize = 128 * 1024 * 1024;

fn too_wide(row: usize) -> ReadError {
    ReadError::malformed(format!("row {row}: more than {MAX_COLUMNS} columns"))
}

/// What one upload may still expand into; charged while reading, so a file over the limits
/// fails early instead of after it has been held in memory.
struct Budget {
    rows_used: usize,
    max_rows: usize,
    cells_used: usize,
    max_cells: usize,
    text_used: usize,
}

impl Budget {
    fn new(limits: &Limits) -> Self {
        let max_cells = limits.max_rows.saturating_mul(CELLS_PER_ROW);
        Budget {
            rows_used: 0,
            max_rows: limits.max_rows,
            cells_used: 0,
            max_cells,
            text_used: 0,
        }
    }

    /// One data row of `width` cells.
    fn row(&mut self, width: usize) -> Result<(), ReadError> {
        self.rows_used += 1;
        if self.rows_used > self.max_rows {
            return Err(ReadError::TooManyRows {
                limit: self.max_rows,
            });
        }
        self.cells(width)
    }

    /// Cells added to kept rows (padding included).
    fn cells(&mut self, count: usize) -> Result<(), ReadError> {
        self.cells_used = self.cells_used.saturating_add(count);
        if self.cells_used > self.max_cells {
            return Err(ReadError::malformed(format!(
                "more than {} cells",
                self.max_cells
            )));
        }
        Ok(())
    }

    /// A cell from its raw text, charged before it is copied.
    fn cell(&mut self, raw: &str) -> Result<String, ReadError> {
        self.text_used = self.text_used.saturating_add(raw.len());
        if self.text_used > MAX_TEXT {
            return Err(ReadError::malformed("more than 128 MiB of cell text"));
        }
        Ok(clean(raw))
    }
}

/// Trims a cell (no-break and ideographic spaces too) and empties the dashes exchange lists
/// write for "nothing".
fn clean(raw: &str) -> String {
    let cell =
        raw.trim_matches(|c: char| c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}'));
    match cell {
        "-" | "\u{2013}" | "\u{2014}" => String::new(),
        _ => cell.to_owned(),
    }
}

/// A number as a spreadsheet shows it: whole numbers without ".0".
fn number_text(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        // Exact: whole and below 2^53.
        (value as i64).to_string()
    } else {
        value.to_string()
    }
}

/// Rows this far down are compared to tell a title row from the header.
const HEADER_WINDOW: usize = 10;

/// Collects one sheet's rows and finds its header: the first row with at least two cells and
/// at least half as many as the fullest of the first rows, so titles above it are skipped.
struct SheetBuilder {
    name: Option<String>,
    window: Vec<(usize, Vec<String>)>,
    fullest: Option<usize>,
    headers: Option<Vec<String>>,
    rows: Vec<(usize, Vec<String>)>,
}

impl SheetBuilder {
    fn new(name: Option<String>) -> Self {
        SheetBuilder {
            name,
            window: Vec::new(),
            fullest: None,
            headers: None,
            rows: Vec::new(),
        }
    }

    fn push(
        &mut self,
        budget: &mut Budget,
        number: usize,
        mut cells: Vec<String>,
    ) -> Result<(), ReadError> {
        // Trailing empty cells say nothing, and would count as extra cells otherwise.
        while cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        if cells.is_empty() {
            return Ok(());
        }
        if cells.len() > MAX_COLUMNS {
            return Err(too_wide(number));
        }
        match (self.headers.is_some(), self.fullest) {
            (true, _) => self.keep(budget, number, cells)?,
            (false, Some(fullest)) if is_header(&cells, fullest) => self.headers = Some(cells),
            (false, Some(_)) => {}
            (false, None) => {
                self.window.push((number, cells));
                if self.window.len() == HEADER_WINDOW {
                    self.settle(budget)?;
                }
            }
        }
        Ok(())
    }

    /// Picks the header among the first rows, keeping the rows after it.
    fn settle(&mut self, budget: &mut Budget) -> Result<(), ReadError> {
        let window = std::mem::take(&mut self.window);
        let fullest = window
            .iter()
            .map(|(_, cells)| filled(cells))
            .max()
            .unwrap_or(0);
        self.fullest = Some(fullest);
        let mut rows = window
            .into_iter()
            .skip_while(|(_, cells)| !is_header(cells, fullest));
        if let Some((_, headers)) = rows.next() {
            self.headers = Some(headers);
            for (number, cells) in rows {
                self.keep(budget, number, cells)?;
            }
        }
        Ok(())
    }

    fn keep(
        &mut self,
        budget: &mut Budget,
        number: usize,
        mut cells: Vec<String>,
    ) -> Result<(), ReadError> {
        let width = self.headers.as_ref().map_or(0, Vec::len);
        if cells.len() < width {
            cells.resize(width, String::new());
        }
        budget.row(cells.len())?;
        self.rows.push((number, cells));
        Ok(())
    }

    /// The sheet, or None when no row looks like a header.
    fn finish(mut self, budget: &mut Budget) -> Result<Option<Sheet>, ReadError> {
        if self.fullest.is_none() {
            self.settle(budget)?;
        }
        let Some(mut headers) = self.headers else {
            return Ok(None);
        };
        // A table placed at C3 reads with two empty columns in front; the partner sees none.
        let blank = self
            .rows
            .iter()
            .map(|(_, cells)| cells)
            .chain([&headers])
            .map(|cells| cells.iter().take_while(|c| c.is_empty()).count())
            .min()
            .unwrap_or(0);
        for cells in self
            .rows
            .iter_mut()
            .map(|(_, cells)| cells)
            .chain([&mut headers])
        {
            cells.drain(..blank.min(cells.len()));
        }
        Ok(Some(Sheet {
            name: self.name,
            headers,
            rows: self.rows,
        }))
    }
}

fn filled(cells: &[String]) -> usize {
    cells.iter().filter(|c| !c.is_empty()).count()
}

fn is_header(cells: &[String], fullest: usize) -> bool {
    let n = filled(cells);
    n >= 2 && n * 2 >= fullest
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn cells(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|s| s.to_string()).collect()
    }

    fn limits(max_bytes: usize, max_rows: usize) -> Limits {
        Limits {
            max_bytes,
            max_rows,
            ..Limits::default()
        }
    }

    #[test]
    fn too_large_before_anything_else() {
        let err = read(b"%PDF-1.7 and more", None, &limits(10, 10)).unwrap_err();
        assert_eq!(err, ReadError::TooLarge { limit: 10 });
    }

    #[test]
    fn empty_and_blank_files() {
        for bytes in [
            &b""[..],
            b" \r\n\t ",
            b"\xEF\xBB\xBF",
            b"\xFF\xFE \x00\n\x00",
        ] {
            assert_eq!(read(bytes, None, &Limits::default()), Err(ReadError::Empty));
        }
    }

    #[test]
    fn binary_files_are_unknown() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
        let pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";
        let other = b"Symbol,Name\n\0\x01\x02\x03 AOT";
        // Legacy binary XLS (OLE2): refused, not parsed (see the module's comment).
        let xls = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0\0\0\0\0";
        for bytes in [&png[..], pdf, other, xls] {
            assert_eq!(
                read(bytes, None, &Limits::default()),
                Err(ReadError::UnknownFormat)
            );
        }
    }

    #[test]
    fn too_many_rows() {
        let csv = b"Symbol,Name\nA,a\nB,b\nC,c\nD,d\n";
        let err = read(csv, None, &limits(1024, 3)).unwrap_err();
        assert_eq!(err, ReadError::TooManyRows { limit: 3 });
        assert!(read(csv, None, &limits(1024, 4)).is_ok());
    }

    #[test]
    fn title_rows_dashes_padding_and_row_numbers() {
        let csv = "The list of listed companies\n\u{3000}\nSymbol,Name,Market\nAOT,\u{a0}Airports\u{a0},SET\n,,\nPTT,\u{2014}\nX,y,z,extra,,\n";
        let doc = read(csv.as_bytes(), None, &Limits::default()).unwrap();
        assert_eq!(
            (doc.format, doc.encoding.as_deref()),
            (Format::Csv, Some("UTF-8"))
        );
        let sheet = &doc.sheets[0];
        assert_eq!(sheet.headers, ["Symbol", "Name", "Market"]);
        assert_eq!(
            sheet.rows,
            [
                (4, cells(&["AOT", "Airports", "SET"])),
                (6, cells(&["PTT", "", ""])),
                (7, cells(&["X", "y", "z", "extra"])),
            ]
        );
    }

    #[test]
    fn leading_blank_columns_are_dropped() {
        let doc = read(b",,Symbol,Name\n,,AOT,Airports\n", None, &Limits::default()).unwrap();
        assert_eq!(doc.sheets[0].headers, ["Symbol", "Name"]);
        assert_eq!(doc.sheets[0].rows[0].1, ["AOT", "Airports"]);
    }

    #[test]
    fn no_header_row_is_no_table() {
        let err = read(b"just one column\nof text\n", None, &Limits::default());
        assert_eq!(err, Err(ReadError::NoTable));
    }

    #[test]
    fn codes_and_numbers() {
        assert_eq!(
            ReadError::ZipBomb {
                reason: String::new()
            }
            .code(),
            "zip-bomb"
        );
        assert_eq!(Format::Html.code(), "html");
        assert_eq!(number_text(14_285_700_000.0), "14285700000");
        assert_eq!(number_text(-0.0), "0");
        assert_eq!(number_text(48_140.25), "48140.25");
    }
}
