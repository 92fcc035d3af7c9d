//! Turns the bytes a partner uploads into sheets of text cells.
//!
//! The format is recognised from the content, never the name: exchange websites serve HTML
//! tables and CSV under `.xls`. Everything here is synchronous and bounded by [`Limits`], so a
//! hostile or broken file costs a known amount of memory and time, and never panics. Legacy
//! binary XLS is refused: calamine reads it into dense ranges sized by its farthest cells, so a
//! small crafted file could ask for gigabytes.

mod csv;
mod document;
mod html;
mod json;
mod sheet;
mod text;
mod xlsx;

pub use document::{Document, Format, Limits, ReadError, Sheet, configure, limits};
use sheet::Budget;
pub(super) use sheet::MAX_COLUMNS;
use text::SNIFF_BYTES;

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

#[cfg(test)]
mod tests {
    use super::sheet::*;
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
