//! CSV and its cousins: whichever delimiter the partner's system writes, with quoted fields
//! holding line breaks, delimiters and doubled quotes.

use super::document::{ReadError, Sheet};
use super::sheet::{Budget, MAX_COLUMNS, SheetBuilder, too_wide};
use std::collections::HashMap;

/// The candidates, in order of preference when they score the same.
const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];
/// Records sampled to pick the delimiter.
const SAMPLE: usize = 50;

pub(super) fn read(text: &str, budget: &mut Budget) -> Result<Vec<Sheet>, ReadError> {
    let bytes = text.as_bytes();
    let delimiter = delimiter(text);
    let mut builder = SheetBuilder::new(None);
    let (mut row, mut last_start) = (0, 0);
    for record in reader(text, delimiter).into_records() {
        let record = record.map_err(|err| at_line(&err))?;
        let start = record
            .position()
            .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
        // A spreadsheet shows the blank lines the reader skips as rows of their own.
        row += 1 + blank_lines(bytes, start);
        last_start = start;
        if record.len() > MAX_COLUMNS {
            return Err(too_wide(row));
        }
        let cells = record
            .iter()
            .map(|field| budget.cell(field))
            .collect::<Result<Vec<_>, _>>()?;
        builder.push(budget, row, cells)?;
    }
    if let Some(quote) = unclosed_quote(bytes, last_start, delimiter) {
        let line = 1 + bytes
            .get(..quote)
            .map_or(0, |before| before.iter().filter(|&&b| b == b'\n').count());
        return Err(ReadError::malformed(format!("line {line}: unclosed quote")));
    }
    let sheet = builder.finish(budget)?.ok_or(ReadError::NoTable)?;
    Ok(vec![sheet])
}

fn reader(text: &str, delimiter: u8) -> ::csv::Reader<&[u8]> {
    ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .quoting(true)
        .double_quote(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
}

fn at_line(err: &::csv::Error) -> ReadError {
    match err.position() {
        Some(position) => ReadError::malformed(format!("line {}: {err}", position.line())),
        None => ReadError::malformed(err),
    }
}

/// The delimiter that splits the most sampled records into the same number of fields (more
/// than one), then the one giving more fields.
fn delimiter(text: &str) -> u8 {
    let mut best = (DELIMITERS[0], (0, 0));
    for candidate in DELIMITERS {
        let score = score(text, candidate);
        // Only strictly better: on a tie the earlier candidate stays.
        if score > best.1 {
            best = (candidate, score);
        }
    }
    best.0
}

/// (records sharing the commonest field count above one, that count)
fn score(text: &str, delimiter: u8) -> (usize, usize) {
    let mut records_by_width: HashMap<usize, usize> = HashMap::new();
    for record in reader(text, delimiter)
        .into_records()
        .take(SAMPLE)
        .flatten()
    {
        if record.len() > 1 {
            *records_by_width.entry(record.len()).or_default() += 1;
        }
    }
    let scores = records_by_width
        .into_iter()
        .map(|(width, records)| (records, width));
    scores.max().unwrap_or((0, 0))
}

/// Blank lines the reader skipped before the record it started reading at byte `from`.
fn blank_lines(text: &[u8], from: usize) -> usize {
    let mut at = from;
    // The "\n" of the previous record's "\r\n" may be read with this one.
    if at > 0 && text.get(at - 1) == Some(&b'\r') && text.get(at) == Some(&b'\n') {
        at += 1;
    }
    let mut blank = 0;
    while let Some(&b) = text.get(at) {
        match b {
            b'\r' if text.get(at + 1) == Some(&b'\n') => at += 1,
            b'\r' | b'\n' => {}
            _ => break,
        }
        blank += 1;
        at += 1;
    }
    blank
}

/// The offset of a quote opened in the last record and never closed: the reader quietly takes
/// the rest of the file into that one field, and the rows in it would vanish.
fn unclosed_quote(text: &[u8], from: usize, delimiter: u8) -> Option<usize> {
    let (mut open, mut field_start) = (None, true);
    let mut at = from;
    while let Some(&b) = text.get(at) {
        if open.is_some() {
            if b == b'"' && text.get(at + 1) == Some(&b'"') {
                at += 1;
            } else if b == b'"' {
                open = None;
            }
        } else {
            // As in the reader, a quote opens a quoted field only at the field's start.
            if field_start && b == b'"' {
                open = Some(at);
            }
            field_start = b == delimiter || b == b'\n' || b == b'\r';
        }
        at += 1;
    }
    open
}

#[cfg(test)]
mod tests {
    use super::super::tests::cells;
    use super::super::{Format, Limits, ReadError, Sheet, read};

    fn only_sheet(text: &str) -> Sheet {
        let doc = read(text.as_bytes(), None, &Limits::default()).unwrap();
        assert_eq!(doc.format, Format::Csv);
        doc.sheets.into_iter().next().unwrap()
    }

    #[test]
    fn each_delimiter_is_detected() {
        let table = [
            ["Symbol", "Name", "Market", "Note"],
            ["AOT", "Airports of Thailand", "SET", "1,5"],
            ["PTT", "PTT", "SET", "a;b|c\td"],
        ];
        for sep in [",", ";", "\t", "|"] {
            let quote = |c: &&str| {
                if c.contains(sep) {
                    format!("\"{c}\"")
                } else {
                    c.to_string()
                }
            };
            let lines = table
                .iter()
                .map(|row| row.iter().map(quote).collect::<Vec<_>>().join(sep));
            let sheet = only_sheet(&lines.collect::<Vec<_>>().join("\n"));
            assert_eq!(sheet.headers, table[0], "delimiter {sep:?}");
            assert_eq!(sheet.rows, [(2, cells(&table[1])), (3, cells(&table[2]))]);
        }
    }

    #[test]
    fn quoted_line_breaks_and_doubled_quotes() {
        let sheet = only_sheet(
            "Symbol,Name,Note\nAOT,\"Airports of \"\"Thailand\"\"\",\" line one\nline two \"\nPTT,PTT,x\n",
        );
        let aot = cells(&["AOT", "Airports of \"Thailand\"", "line one\nline two"]);
        assert_eq!(sheet.rows, [(2, aot), (3, cells(&["PTT", "PTT", "x"]))]);
    }

    #[test]
    fn rows_are_numbered_as_a_spreadsheet_shows_them() {
        let sheet =
            only_sheet("Title\r\n\r\nSymbol,Name\r\n\r\nAOT,x\r\n\"PTT\",\"y\nz\"\r\nSCB,w");
        assert_eq!(sheet.headers, ["Symbol", "Name"]);
        let numbers: Vec<usize> = sheet.rows.iter().map(|(n, _)| *n).collect();
        assert_eq!(numbers, [5, 6, 7]);
    }

    #[test]
    fn an_unclosed_quote_is_malformed() {
        let err = read(
            b"Symbol,Name\nAOT,\"Airports\nPTT,PTT\n",
            None,
            &Limits::default(),
        );
        let detail = "line 2: unclosed quote".to_owned();
        assert_eq!(err, Err(ReadError::Malformed { detail }));
    }
}
