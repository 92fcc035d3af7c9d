//! The exported file: its columns in the page language, CSV (RFC 4180, UTF-8 with a byte-order
//! mark) and XLSX. Text cells that a spreadsheet could read as a formula are escaped; amounts
//! stay numbers.

use crate::i18n::{Lang, tr};
use crate::zone::FINANCIAL_COLUMNS;
use std::borrow::Cow;

/// One exported company; `None` amounts are companies without published financials.
pub struct ExportRow {
    pub texts: Vec<String>,
    pub numbers: Vec<Option<f64>>,
}

/// Column headers: the text columns, then the numeric ones, in the page language.
pub fn headers(lang: Lang) -> (Vec<String>, Vec<String>) {
    let text = [
        "company-exchange",
        "company-symbol",
        "export-name",
        "export-name-language",
        "company-market",
        "company-industry",
        "company-sector",
        "company-country",
        "company-website",
        "company-listed",
        "export-green",
        "company-cooperation",
        "export-currency",
    ];
    (
        text.map(|k| tr(lang, k)).into(),
        FINANCIAL_COLUMNS.map(|k| tr(lang, k)).into(),
    )
}

/// Text that Excel, LibreOffice or Sheets would take for a formula gets a leading apostrophe.
pub fn escape_cell(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

/// Lines of RFC 4180 CSV: quoted where a field needs it, CRLF line ends.
fn csv_lines<I, F>(records: impl IntoIterator<Item = I>) -> String
where
    I: IntoIterator<Item = F>,
    F: AsRef<[u8]>,
{
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for record in records {
        writer
            .write_record(record)
            .expect("writing to memory cannot fail");
    }
    let bytes = writer.into_inner().expect("writing to memory cannot fail");
    String::from_utf8(bytes).expect("UTF-8 fields make a UTF-8 file")
}

/// The first line of the CSV, after the byte-order mark that Excel needs to read Chinese and
/// Thai.
pub fn csv_header(headers: &(Vec<String>, Vec<String>)) -> String {
    format!(
        "\u{feff}{}",
        csv_lines([headers.0.iter().chain(&headers.1)])
    )
}

/// The CSV lines of `rows`: text cells escaped against formulas, amounts as bare numbers.
pub fn csv_rows(rows: &[ExportRow]) -> String {
    csv_lines(rows.iter().map(|row| {
        let texts = row.texts.iter().map(|t| escape_cell(t).into_owned());
        let numbers = row
            .numbers
            .iter()
            .map(|n| n.map(|n| n.to_string()).unwrap_or_default());
        texts.chain(numbers).collect::<Vec<_>>()
    }))
}

/// A whole CSV file.
pub fn csv(headers: &(Vec<String>, Vec<String>), rows: &[ExportRow]) -> Vec<u8> {
    (csv_header(headers) + &csv_rows(rows)).into_bytes()
}

/// An XLSX workbook with one sheet; amounts are numeric cells.
pub fn xlsx(
    headers: &(Vec<String>, Vec<String>),
    rows: &[ExportRow],
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    for (col, header) in headers.0.iter().chain(&headers.1).enumerate() {
        sheet.write_string_with_format(0, col as u16, header, &bold)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, text) in row.texts.iter().enumerate() {
            sheet.write_string(r, c as u16, escape_cell(text))?;
        }
        for (c, number) in row.numbers.iter().enumerate() {
            if let Some(n) = number {
                sheet.write_number(r, (row.texts.len() + c) as u16, *n)?;
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(texts: &[&str], numbers: &[Option<f64>]) -> ExportRow {
        ExportRow {
            texts: texts.iter().map(|t| t.to_string()).collect(),
            numbers: numbers.to_vec(),
        }
    }

    #[test]
    fn formula_starts_are_escaped_and_nothing_else() {
        for hostile in ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"] {
            assert_eq!(escape_cell(hostile), format!("'{hostile}"));
        }
        for plain in ["Kinabalu", "棕榈油", "น้ำมันปาล์ม", "", "1=1"] {
            assert_eq!(escape_cell(plain), plain);
        }
    }

    #[test]
    fn csv_has_a_bom_quotes_and_bare_numbers() {
        let headers = (vec!["Name".to_string()], vec!["Revenue".to_string()]);
        let rows = [
            row(&["=HYPERLINK(\"x\")"], &[Some(-41_000_000.0)]),
            row(&["A, \"B\""], &[None]),
            row(&["泰国"], &[Some(1.5)]),
        ];
        let text = String::from_utf8(csv(&headers, &rows)).unwrap();
        assert!(text.starts_with('\u{feff}'));
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0], "Name,Revenue");
        assert_eq!(lines[1], "\"'=HYPERLINK(\"\"x\"\")\",-41000000");
        assert_eq!(lines[2], "\"A, \"\"B\"\"\",");
        assert_eq!(lines[3], "泰国,1.5");
    }

    #[test]
    fn xlsx_is_a_workbook() {
        let headers = (vec!["Name".to_string()], vec!["Revenue".to_string()]);
        let bytes = xlsx(&headers, &[row(&["@x"], &[Some(2.0)])]).unwrap();
        assert_eq!(&bytes[..2], b"PK");
    }
}
