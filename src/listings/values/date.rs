//! Dates and fiscal years as spreadsheets in four languages write them.

use super::fold::{ValueError, fold};
use chrono::{Datelike, Days, NaiveDate};

/// Month names and abbreviations, lower case and without dots; a row's position is the month.
#[rustfmt::skip] // A table: rustfmt would give every name a line of its own.
const MONTHS: [[&str; 12]; 8] = [
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"],
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
    ["januari", "februari", "mac", "april", "mei", "jun", "julai", "ogos", "september",
     "oktober", "november", "disember"],
    ["jan", "feb", "mac", "apr", "mei", "jun", "jul", "ogo", "sep", "okt", "nov", "dis"],
    // Indonesian, as IDX writes it.
    ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
     "oktober", "november", "desember"],
    ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
     "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"],
    ["มค", "กพ", "มีค", "เมย", "พค", "มิย", "กค", "สค", "กย", "ตค", "พย", "ธค"],
    // Leftovers of the forms above: "Sept", Indonesian "Agt" and "Des".
    ["", "", "", "", "", "", "", "agt", "sept", "", "", "des"],
];

/// Words a date may carry around its parts: English ordinals ("15th of March"), Thai "วันที่"
/// (the date) and the era markers พ.ศ. (Buddhist) and ค.ศ. (Common).
const DATE_NOISE: [&str; 9] = ["st", "nd", "rd", "th", "of", "วันที่", "ที่", "พศ", "คศ"];

enum DatePart<'a> {
    Number(&'a str),
    /// A month by name, and whether the name was Thai (two-digit years are then Buddhist).
    Month(u32, bool),
}

fn is_thai(c: char) -> bool {
    ('\u{0E01}'..='\u{0E4E}').contains(&c)
}

/// A date's numbers and month names, in order; `None` if it holds anything else.
fn date_parts(s: &str) -> Option<Vec<DatePart<'_>>> {
    let mut parts = Vec::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if c.is_ascii_digit() {
            let end = rest
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len());
            parts.push(DatePart::Number(&rest[..end]));
            rest = &rest[end..];
        } else if c.is_alphabetic() || is_thai(c) {
            // A word runs on over the dots of abbreviations ("มี.ค.", "Mar.").
            let end = rest
                .find(|c: char| !(c.is_alphabetic() || is_thai(c) || c == '.'))
                .unwrap_or(rest.len());
            let word: String = rest[..end]
                .chars()
                .filter(|&c| c != '.')
                .flat_map(char::to_lowercase)
                .collect();
            rest = &rest[end..];
            if !DATE_NOISE.contains(&word.as_str()) {
                let month = MONTHS
                    .iter()
                    .find_map(|row| row.iter().position(|m| *m == word))?;
                parts.push(DatePart::Month(month as u32 + 1, word.starts_with(is_thai)));
            }
        } else if c.is_whitespace() || matches!(c, ',' | '-' | '/' | '.') {
            rest = &rest[c.len_utf8()..];
        } else {
            return None;
        }
    }
    Some(parts)
}

/// A Gregorian year from a 4-digit one: 2400 and later are Buddhist-era years (2569 → 2026).
fn ad_year(year: i32) -> i32 {
    if year >= 2400 { year - 543 } else { year }
}

/// The date of a year, month and day as written.
fn ymd(year: &str, month: u32, day: &str, thai_month: bool) -> Option<NaiveDate> {
    let y: i32 = year.parse().ok()?;
    let year = match year.len() {
        4 => ad_year(y),
        // Two digits after a Thai month are a Buddhist year (67 → 2567 → 2024); others pivot
        // at 70, as spreadsheets do.
        2 if thai_month => 2500 + y - 543,
        2 if y < 70 => 2000 + y,
        2 => 1900 + y,
        _ => return None,
    };
    if day.len() > 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day.parse().ok()?)
}

fn numeric_month(month: &str) -> Option<u32> {
    month.parse().ok().filter(|_| month.len() <= 2)
}

/// The text without a trailing time of day ("2024-03-15T10:00:00+08:00", "15/03/2024 10:30").
fn strip_time(s: &str) -> &str {
    match s.rfind(['T', ' ']) {
        Some(at)
            if s[at + 1..].contains(':')
                && s[at + 1..]
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | '+' | '-' | 'Z')) =>
        {
            s[..at].trim_end()
        }
        _ => s,
    }
}

/// The date a text names, if any (see [`parse_date`]).
fn date_of(s: &str) -> Option<NaiveDate> {
    use DatePart::{Month, Number};
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        return match s.len() {
            8 => NaiveDate::from_ymd_opt(
                ad_year(s[..4].parse().ok()?),
                s[4..6].parse().ok()?,
                s[6..].parse().ok()?,
            ),
            // A bare year is no date, though it would pass for an Excel serial of 1905.
            4 => None,
            // Excel's day count from 1899-12-30, the epoch that absorbs its phantom 1900-02-29
            // for every date from March 1900 on.
            _ => s
                .parse::<u64>()
                .ok()
                .filter(|n| (1..=2_958_465).contains(n))
                .and_then(|n| {
                    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(Days::new(n))
                }),
        };
    }
    let unchinese = s.replace(['年', '月'], "-").replace(['日', '号'], "");
    match date_parts(&unchinese)?.as_slice() {
        [Number(y), Number(m), Number(d)] if y.len() == 4 => ymd(y, numeric_month(m)?, d, false),
        [Number(d), Number(m), Number(y)] => ymd(y, numeric_month(m)?, d, false),
        [Number(d), Month(m, thai), Number(y)] if d.len() <= 2 => ymd(y, *m, d, *thai),
        [Number(y), Month(m, thai), Number(d)] if y.len() == 4 => ymd(y, *m, d, *thai),
        [Month(m, thai), Number(d), Number(y)] => ymd(y, *m, d, *thai),
        _ => None,
    }
}

/// A date: ISO 8601 (2024-03-15, 2024/03/15, 20240315, a date-time's date), Excel serial
/// numbers (45366), day-first (15/03/2024, 15-03-2024, 15.03.2024, 15/3/24), month names in
/// English, Malay, Indonesian and Thai (15 Mar 2024, Mar 15, 2024, 15 Mac 2024, 15 มี.ค. 67),
/// Chinese (2024年3月15日) and Buddhist-era years; 1800..=2200 after conversion. Month-first
/// numeric dates (03/15/2024) are never guessed: their month is out of range, or they are
/// read day-first.
pub fn parse_date(text: &str) -> Result<NaiveDate, ValueError> {
    date_of(strip_time(&fold(text)))
        .filter(|d| (1800..=2200).contains(&d.year()))
        .ok_or(ValueError::Date)
}

/// A fiscal year: 4 digits, Buddhist-era years converted (2567 → 2024), with "FY", "年",
/// "财年", "年度", "ปี", "พ.ศ." or "tahun" around it; 1900..=2200.
pub fn parse_year(text: &str) -> Result<i32, ValueError> {
    const BEFORE: [&str; 9] = ["", "fy", "ปี", "พศ", "ปีพศ", "ปีบัญชี", "คศ", "tahun", "year"];
    const AFTER: [&str; 6] = ["", "年", "年度", "财年", "財年", "财年度"];
    let folded = fold(text).to_lowercase();
    // Spreadsheets hand whole numbers over as "2024.0".
    let s = folded.strip_suffix(".0").unwrap_or(&folded);
    let start = s
        .find(|c: char| c.is_ascii_digit())
        .ok_or(ValueError::Year)?;
    let end = s[start..]
        .find(|c: char| !c.is_ascii_digit())
        .map_or(s.len(), |n| start + n);
    let affix = |a: &str| -> String {
        a.chars()
            .filter(|&c| !c.is_whitespace() && !matches!(c, '.' | '-' | '_'))
            .collect()
    };
    let (before, digits, after) = (affix(&s[..start]), &s[start..end], affix(&s[end..]));
    if digits.len() != 4 || !BEFORE.contains(&before.as_str()) || !AFTER.contains(&after.as_str()) {
        return Err(ValueError::Year);
    }
    let year = ad_year(digits.parse().map_err(|_| ValueError::Year)?);
    (1900..=2200)
        .contains(&year)
        .then_some(year)
        .ok_or(ValueError::Year)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Result<NaiveDate, ValueError> {
        NaiveDate::from_ymd_opt(y, m, d).ok_or(ValueError::Date)
    }

    #[test]
    fn dates_in_every_form() {
        let march_15 = "2024-03-15|2024/03/15|2024.03.15|2024-3-15|20240315|25670315|\
            2024-03-15T09:30:00+08:00|2024-03-15 00:00:00|45366|15/03/2024|15-03-2024|\
            15.03.2024|15/3/24|15/03/2567|15/03/2024 10:30|15 Mar 2024|15 March 2024|\
            15-Mar-2024|Mar 15, 2024|MARCH 15 2024|15th of March 2024|2024 Mar 15|15 Mac 2024|\
            15 Maret 2024|2024年3月15日|２０２４年３月１５日|2024 年 3 月 15 日|15 มีนาคม 2567|\
            15 มี.ค. 67|15 มี.ค. 2567|วันที่ 15 มีนาคม พ.ศ. 2567|๑๕ มี.ค. ๖๗";
        for text in march_15.split('|') {
            assert_eq!(parse_date(text), date(2024, 3, 15), "{text}");
        }
        for (text, want) in [
            ("1/1/2569", date(2026, 1, 1)),
            ("15/3/85", date(1985, 3, 15)),
            ("1/1/69", date(2069, 1, 1)),
            ("Dec 31, 1999", date(1999, 12, 31)),
            ("1 Sept 2024", date(2024, 9, 1)),
            ("1 Ogos 2024", date(2024, 8, 1)),
            ("31 Disember 2023", date(2023, 12, 31)),
            ("1 Julai 2024", date(2024, 7, 1)),
            ("5 Okt 2024", date(2024, 10, 5)),
            ("15 Mei 2024", date(2024, 5, 15)),
            ("1 ม.ค. 2567", date(2024, 1, 1)),
            ("29 ก.พ. 67", date(2024, 2, 29)),
            ("31 ธ.ค. 2566", date(2023, 12, 31)),
            ("1 กุมภาพันธ์ 2567", date(2024, 2, 1)),
            ("1 พฤศจิกายน 2567", date(2024, 11, 1)),
            ("61", date(1900, 3, 1)),
        ] {
            assert_eq!(parse_date(text), want, "{text}");
        }
        let invalid = "31/02/2024|2024-02-30|29/02/2023|03/15/2024|2024|0|2958465|2958466|45366.5|\
            -45366|15 Foo 2024|tomorrow||15/03|1799-12-31|2201-01-01|1/1/2744|15/03/202|\
            15 March|2024-03-15 10:00 extra|15 มี.ค.|Friday, 15 March 2024";
        for text in invalid.split('|') {
            assert_eq!(parse_date(text), Err(ValueError::Date), "{text}");
        }
    }

    #[test]
    fn fiscal_years() {
        let y2024 = "2024|2567|FY2024|FY 2024|fy-2024|2024财年|2024年|2024 年度|ปี 2567|พ.ศ. 2567|\
            ปี พ.ศ. 2567|２０２４|2024.0|Tahun 2024";
        for text in y2024.split('|') {
            assert_eq!(parse_year(text), Ok(2024), "{text}");
        }
        for text in "24|1899|2201|2744|FY2023/24|20245|abc||2024-03-15|2024 revenue".split('|') {
            assert_eq!(parse_year(text), Err(ValueError::Year), "{text}");
        }
    }
}
