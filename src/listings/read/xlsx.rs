//! Spreadsheets: XLSX, a zip of XML parts checked for zip bombs before calamine inflates any
//! of them.

use super::document::{Limits, ReadError, Sheet};
use super::sheet::{Budget, MAX_COLUMNS, SheetBuilder, number_text, too_wide};
use calamine::{Data, DataRef, ExcelDateTime, Reader, Xlsx, XlsxError};
use std::borrow::Cow;
use std::io::{self, Cursor, Read};
use std::panic::{self, AssertUnwindSafe};

/// Entries up to this size pass the ratio test whatever their ratio: small XML parts of
/// repeated empty elements compress a hundredfold.
const RATIO_FLOOR: u64 = 1024 * 1024;
/// The serial of 10000-01-01: later values are no dates Excel can show.
const LAST_SERIAL: f64 = 2_958_466.0;

/// Refuses an archive that would inflate beyond the limits, or is no workbook. The central
/// directory is checked first, without inflating anything; then every entry is inflated (into
/// nothing) to check it stops at its declared size, since the sizes are the sender's to write
/// and calamine's zip reader trusts them.
pub(super) fn check_zip(bytes: &[u8], limits: &Limits) -> Result<(), ReadError> {
    let bomb = |reason: String| ReadError::ZipBomb { reason };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(ReadError::malformed)?;
    if archive.len() > limits.max_entries {
        return Err(bomb(format!(
            "{} entries, over {}",
            archive.len(),
            limits.max_entries
        )));
    }
    let (mut total, mut workbook) = (0u64, false);
    for index in 0..archive.len() {
        let entry = archive.by_index_data(index).map_err(ReadError::malformed)?;
        workbook |= is_workbook(entry.name_raw());
        let (size, packed) = (entry.size(), entry.compressed_size());
        total = total.saturating_add(size);
        if total > limits.max_unzipped {
            return Err(bomb(format!(
                "over {} bytes uncompressed",
                limits.max_unzipped
            )));
        }
        let ratio = size / packed.max(1);
        if size > RATIO_FLOOR && (packed == 0 || ratio > limits.max_ratio) {
            return Err(bomb(format!(
                "an entry expands {ratio}-fold, over {}",
                limits.max_ratio
            )));
        }
    }
    // A Word document or an OpenDocument sheet is a zip too.
    if !workbook {
        return Err(ReadError::UnknownFormat);
    }
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).map_err(ReadError::malformed)?;
        let declared = entry.size();
        check_inflated(&mut entry, declared)?;
    }
    Ok(())
}

/// The part calamine reads the sheet list from, named as calamine finds it.
fn is_workbook(name: &[u8]) -> bool {
    let name = String::from_utf8_lossy(name).replace('\\', "/");
    name.eq_ignore_ascii_case("xl/workbook.xml")
}

/// Inflates an entry into nothing, one byte past its declared size at most.
fn check_inflated(entry: impl Read, declared: u64) -> Result<(), ReadError> {
    let reason = format!("an entry inflates past its declared {declared} bytes");
    match io::copy(&mut entry.take(declared.saturating_add(1)), &mut io::sink()) {
        Ok(inflated) if inflated > declared => Err(ReadError::ZipBomb { reason }),
        Ok(_) => Ok(()),
        // zip itself stops an entry at its declared size, with this error.
        Err(err) if err.to_string().contains("declared") => Err(ReadError::ZipBomb { reason }),
        Err(err) => Err(ReadError::malformed(err)),
    }
}

/// The sheets of an XLSX whose zip `check_zip` accepted. Cells are streamed rather than read
/// as calamine ranges: a range is dense, so one cell at XFD1048576 would allocate billions.
pub(super) fn read_xlsx(bytes: &[u8], budget: &mut Budget) -> Result<Vec<Sheet>, ReadError> {
    guarded(|| {
        let mut book: Xlsx<_> =
            calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(ReadError::malformed)?;
        let mut sheets = Vec::new();
        for name in book.sheet_names() {
            let mut reader = match book.worksheet_cells_reader(&name) {
                Ok(reader) => reader,
                // Chart sheets have no cells.
                Err(XlsxError::NotAWorksheet(_)) => continue,
                Err(err) => return Err(ReadError::malformed(err)),
            };
            let mut builder = SheetBuilder::new(Some(name));
            let mut row: Option<(u32, Vec<String>)> = None;
            while let Some(cell) = reader.next_cell().map_err(ReadError::malformed)? {
                let (at_row, at_column) = cell.get_position();
                let text = ref_text(cell.get_value());
                if text.is_empty() {
                    continue;
                }
                if let Some((number, cells)) = row.take_if(|(current, _)| *current != at_row) {
                    builder.push(budget, number as usize + 1, cells)?;
                }
                let column = at_column as usize;
                if column >= MAX_COLUMNS {
                    return Err(too_wide(at_row as usize + 1));
                }
                let cells = &mut row.get_or_insert_with(|| (at_row, Vec::new())).1;
                if cells.len() <= column {
                    cells.resize(column + 1, String::new());
                }
                cells[column] = budget.cell(&text)?;
            }
            if let Some((number, cells)) = row {
                builder.push(budget, number as usize + 1, cells)?;
            }
            sheets.extend(builder.finish(budget)?);
        }
        found(sheets)
    })
}

fn found(sheets: Vec<Sheet>) -> Result<Vec<Sheet>, ReadError> {
    if sheets.is_empty() {
        Err(ReadError::NoTable)
    } else {
        Ok(sheets)
    }
}

/// calamine's arithmetic on numbers from the file can overflow on crafted input; the panic
/// must fail this upload, not unwind through the server.
fn guarded<T>(read: impl FnOnce() -> Result<T, ReadError>) -> Result<T, ReadError> {
    panic::catch_unwind(AssertUnwindSafe(read))
        .unwrap_or_else(|_| Err(ReadError::malformed("the spreadsheet could not be parsed")))
}

/// Shared strings are borrowed: copying one is charged to the budget first.
fn ref_text<'a>(value: &'a DataRef<'_>) -> Cow<'a, str> {
    match value {
        DataRef::SharedString(text) => Cow::Borrowed(*text),
        other => Cow::Owned(data_text(&Data::from(other.clone())).into_owned()),
    }
}

fn data_text(value: &Data) -> Cow<'_, str> {
    match value {
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => {
            Cow::Borrowed(text.as_str())
        }
        Data::Int(int) => Cow::Owned(int.to_string()),
        Data::Float(float) => Cow::Owned(number_text(*float)),
        Data::Bool(true) => Cow::Borrowed("true"),
        Data::Bool(false) => Cow::Borrowed("false"),
        Data::DateTime(date) => Cow::Owned(date_text(date)),
        Data::Error(_) | Data::Empty => Cow::Borrowed(""),
    }
}

/// A date cell in ISO 8601: "2025-10-13", "2025-10-13T12:00:00", or "12:00:00" for a time
/// alone. calamine does the calendar (the 1904 epoch and Excel's 1900-02-29 included);
/// durations and serials outside Excel's range stay numbers.
fn date_text(value: &ExcelDateTime) -> String {
    let serial = value.as_f64();
    if value.is_duration() || !(0.0..LAST_SERIAL).contains(&serial) {
        return number_text(serial);
    }
    let (year, month, day, hour, minute, second, milli) = value.to_ymd_hms_milli();
    // Serials are binary fractions of a day: 12:00 may come back as 11:59:59.999.
    let mut seconds = u32::from(hour) * 3600 + u32::from(minute) * 60 + u32::from(second);
    seconds += u32::from(milli >= 500);
    let (mut year, mut month, mut day) = (year, month, day);
    if seconds >= 86_400 {
        seconds -= 86_400;
        (year, month, day) = next_day(year, month, day);
    }
    let time = format!(
        "{:02}:{:02}:{:02}",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    );
    match (serial < 1.0, seconds) {
        (true, _) => time,
        (false, 0) => format!("{year:04}-{month:02}-{day:02}"),
        (false, _) => format!("{year:04}-{month:02}-{day:02}T{time}"),
    }
}

fn next_day(year: u16, month: u8, day: u8) -> (u16, u8, u8) {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let length = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    match (day < length, month < 12) {
        (true, _) => (year, month, day + 1),
        (false, true) => (year, month + 1, 1),
        (false, false) => (year + 1, 1, 1),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::cells;
    use super::super::{Format, Limits, ReadError, read};
    use rust_xlsxwriter::{Format as CellFormat, Workbook};
    use std::io::{Cursor, Write};
    use std::time::{Duration, Instant};

    fn workbook() -> Vec<u8> {
        let mut book = Workbook::new();
        let day = CellFormat::new().set_num_format("yyyy-mm-dd");
        let moment = CellFormat::new().set_num_format("yyyy-mm-dd hh:mm:ss");
        let listed = book.add_worksheet().set_name("Listed").unwrap();
        listed.write_string(0, 0, "SET listed companies").unwrap();
        let headers = ["Symbol", "Name", "Listed on", "Shares", "Updated"];
        for (header, column) in headers.into_iter().zip(0..) {
            listed.write_string(1, column, header).unwrap();
        }
        listed.write_string(2, 0, "AOT").unwrap();
        listed.write_string(2, 1, " Airports of Thailand ").unwrap();
        listed
            .write_number_with_format(2, 2, 45943.0, &day)
            .unwrap();
        listed.write_number(2, 3, 14_285_700_000.0).unwrap();
        listed
            .write_number_with_format(2, 4, 45943.5, &moment)
            .unwrap();
        listed.write_string(3, 0, "PTT").unwrap();
        listed.write_string(3, 1, "-").unwrap();
        listed.write_number(3, 3, 0.25).unwrap();
        // A table that starts at C3, without a title.
        let delisted = book.add_worksheet().set_name("Delisted").unwrap();
        delisted.write_string(2, 2, "Symbol").unwrap();
        delisted.write_string(2, 3, "Reason").unwrap();
        delisted.write_string(3, 2, "XYZ").unwrap();
        delisted.write_string(3, 3, "merged").unwrap();
        // No header row: skipped.
        let notes = book.add_worksheet().set_name("Notes").unwrap();
        notes
            .write_string(0, 0, "Prepared by the exchange")
            .unwrap();
        book.save_to_buffer().unwrap()
    }

    #[test]
    fn two_sheets_with_dates_and_numbers() {
        let doc = read(&workbook(), Some("klingon"), &Limits::default()).unwrap();
        assert_eq!((doc.format, doc.encoding), (Format::Xlsx, None));
        let [listed, delisted] = &doc.sheets[..] else {
            panic!("{:?}", doc.sheets)
        };
        assert_eq!(listed.name.as_deref(), Some("Listed"));
        assert_eq!(
            listed.headers,
            ["Symbol", "Name", "Listed on", "Shares", "Updated"]
        );
        let aot = [
            "AOT",
            "Airports of Thailand",
            "2025-10-13",
            "14285700000",
            "2025-10-13T12:00:00",
        ];
        let ptt = ["PTT", "", "", "0.25", ""];
        assert_eq!(listed.rows, [(3, cells(&aot)), (4, cells(&ptt))]);
        assert_eq!(delisted.name.as_deref(), Some("Delisted"));
        assert_eq!(delisted.headers, ["Symbol", "Reason"]);
        assert_eq!(delisted.rows, [(4, cells(&["XYZ", "merged"]))]);
    }

    /// One entry of zeros, deflated a thousandfold.
    fn zip_of_zeros(name: &str, megabytes: usize) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(1));
        zip.start_file(name, options).unwrap();
        let chunk = vec![0u8; 1024 * 1024];
        for _ in 0..megabytes {
            zip.write_all(&chunk).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn a_zip_bomb_is_refused_before_inflating() {
        let bytes = zip_of_zeros("xl/worksheets/sheet1.xml", 50);
        let started = Instant::now();
        let err = read(&bytes, None, &Limits::default()).unwrap_err();
        assert!(matches!(err, ReadError::ZipBomb { .. }), "{err:?}");
        assert!(started.elapsed() < Duration::from_secs(2));
    }

    #[test]
    fn an_entry_lying_about_its_size_is_refused() {
        let mut bytes = zip_of_zeros("xl/workbook.xml", 2);
        // The uncompressed size, in the local header and in the central directory.
        let central = bytes.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
        for at in [22, central + 24] {
            bytes[at..at + 4].copy_from_slice(&1000u32.to_le_bytes());
        }
        let err = read(&bytes, None, &Limits::default()).unwrap_err();
        assert!(matches!(err, ReadError::ZipBomb { .. }), "{err:?}");
    }

    #[test]
    fn other_zips_are_unknown() {
        let bytes = zip_of_zeros("word/document.xml", 0);
        let doc = read(&bytes, None, &Limits::default());
        assert_eq!(doc, Err(ReadError::UnknownFormat));
    }
}
