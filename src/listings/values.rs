//! Cell text to typed values, with the reason when a cell cannot be one. Partners' files come
//! from spreadsheets in four languages, so the parsers accept the forms those write (full-width
//! digits, Thai digits and Buddhist-era years, day-first dates, both decimal styles) and reject
//! anything they would have to guess at.

use super::codes;
use chrono::{Datelike, Days, NaiveDate};

/// Why a cell's text is not a valid value. `code()` names the localized message
/// `import-error-{code}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ValueError {
    Number,
    Integer,
    Date,
    Flag,
    Url,
    Email,
    Country,
    Currency,
    Symbol,
    Year,
    TooLong { max: usize },
}

impl ValueError {
    pub fn code(&self) -> &'static str {
        match self {
            ValueError::Number => "number",
            ValueError::Integer => "integer",
            ValueError::Date => "date",
            ValueError::Flag => "flag",
            ValueError::Url => "url",
            ValueError::Email => "email",
            ValueError::Country => "country",
            ValueError::Currency => "currency",
            ValueError::Symbol => "symbol",
            ValueError::Year => "year",
            ValueError::TooLong { .. } => "too-long",
        }
    }

    /// What its message says besides the value: the limit a text is over.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            ValueError::TooLong { max } => vec![("max", max.to_string())],
            _ => vec![],
        }
    }
}

/// How a file writes numbers: "1,234.5" or "1.234,5".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberStyle {
    DotDecimal,
    CommaDecimal,
}

/// Full-width ASCII (U+FF01..U+FF5E, as Chinese input methods type it) as ASCII, and the
/// ideographic space as a space; every other character as it is.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// A cell's text trimmed, with full-width and Thai digits as ASCII and without the invisible
/// byte-order marks and zero-width spaces that encodings and Thai word breaking leave behind.
fn fold(text: &str) -> String {
    let folded: String = text
        .chars()
        .filter(|&c| !matches!(c, '\u{FEFF}' | '\u{200B}'))
        .map(|c| match fold_width(c) {
            d @ '\u{0E50}'..='\u{0E59}' => char::from(b'0' + (d as u32 - 0x0E50) as u8),
            d => d,
        })
        .collect();
    folded.trim().to_owned()
}

/// Characters that group thousands whatever the style: spaces (plain, no-break, narrow
/// no-break) and apostrophes (Swiss style, as some exports write).
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\'' | '\u{2019}')
}

/// The sign of a number and the rest: "-1", "−1" (U+2212) and accounting's "(1,234)".
fn strip_sign(s: &str) -> (bool, &str) {
    if let Some(inner) = s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        return (true, inner.trim());
    }
    if let Some(rest) = s.strip_prefix(['-', '\u{2212}']) {
        return (true, rest.trim_start());
    }
    (false, s.strip_prefix('+').unwrap_or(s).trim_start())
}

/// The digits of an integer part with its thousand separators checked: every group after the
/// first holds exactly three digits, so "12,5" in a dot-decimal file is an error, not 125.
fn ungroup(part: &str, group: char) -> Option<String> {
    let groups: Vec<&str> = part
        .split(|c: char| c == group || is_group_space(c))
        .collect();
    let grouped_well = groups.len() == 1
        || ((1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3));
    let digits = groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
    (grouped_well && digits).then(|| groups.concat())
}

/// A number as sign, integer digits and fraction digits (ASCII), in the file's style.
fn split_number(text: &str, style: NumberStyle) -> Result<(bool, String, String), ValueError> {
    let folded = fold(text);
    let (negative, body) = strip_sign(&folded);
    let (decimal, group) = match style {
        NumberStyle::DotDecimal => ('.', ','),
        NumberStyle::CommaDecimal => (',', '.'),
    };
    let (int, frac) = body.split_once(decimal).unwrap_or((body, ""));
    let int = ungroup(int, group).ok_or(ValueError::Number)?;
    if !frac.bytes().all(|b| b.is_ascii_digit()) || (int.is_empty() && frac.is_empty()) {
        return Err(ValueError::Number);
    }
    Ok((negative, int, frac.to_owned()))
}

/// What one cell says about the file's style, if anything.
fn style_evidence(cell: &str) -> Option<NumberStyle> {
    use NumberStyle::*;
    let folded = fold(cell);
    let body: String = strip_sign(&folded)
        .1
        .chars()
        .filter(|&c| !is_group_space(c))
        .collect();
    if !body
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let last = body.rfind(['.', ','])?;
    let (head, tail) = (&body[..last], &body[last + 1..]);
    let (sep, other, as_decimal, as_group) = match body.as_bytes()[last] {
        b'.' => ('.', ',', DotDecimal, CommaDecimal),
        _ => (',', '.', CommaDecimal, DotDecimal),
    };
    if head.contains(sep) {
        // The same separator twice can only group thousands ("1.234.567"), if it groups well.
        (!head.contains(other) && ungroup(&body, sep).is_some()).then_some(as_group)
    } else if head.contains(other) {
        // Both kinds ("1.234,5"): the last one is the decimal separator.
        (!tail.is_empty() && ungroup(head, other).is_some()).then_some(as_decimal)
    } else if tail.is_empty() {
        None
    } else {
        // One separator is a decimal one unless it could group: "1,234" and "1.234" say nothing.
        let could_group = tail.len() == 3 && (1..=3).contains(&head.len()) && head != "0";
        (!could_group).then_some(as_decimal)
    }
}

/// The style of a file, from a sample of its numeric cells: comma-decimal only when some cell
/// is unambiguous (`1.234,5`, `12,5`, `1.234.567`) and none contradicts it (`1,234.5`, `12.5`);
/// dot-decimal otherwise.
pub fn number_style<'a>(cells: impl IntoIterator<Item = &'a str>) -> NumberStyle {
    let (mut comma, mut dot) = (false, false);
    for cell in cells {
        match style_evidence(cell) {
            Some(NumberStyle::CommaDecimal) => comma = true,
            Some(NumberStyle::DotDecimal) => dot = true,
            None => {}
        }
    }
    if comma && !dot {
        NumberStyle::CommaDecimal
    } else {
        NumberStyle::DotDecimal
    }
}

/// An amount: thousand separators in the file's style (also spaces and apostrophes), negatives
/// as "-1", "(1,234)" or "−1", full-width digits folded. Letters and currency signs are errors.
pub fn parse_number(text: &str, style: NumberStyle) -> Result<f64, ValueError> {
    let (negative, int, frac) = split_number(text, style)?;
    let int = if int.is_empty() { "0" } else { int.as_str() };
    let value: f64 = format!("{int}.{frac}0")
        .parse()
        .map_err(|_| ValueError::Number)?;
    match value {
        v if !v.is_finite() => Err(ValueError::Number),
        // No negative zero from "-0".
        v if negative && v != 0.0 => Ok(-v),
        v => Ok(v),
    }
}

/// A whole number (amounts are stored as integers): "1,234.00" is fine, "1,234.5" is
/// [`ValueError::Integer`]. Parsed from the digits, so amounts beyond 2^53 stay exact.
pub fn parse_integer(text: &str, style: NumberStyle) -> Result<i64, ValueError> {
    let (negative, int, frac) = split_number(text, style)?;
    if frac.bytes().any(|b| b != b'0') {
        return Err(ValueError::Integer);
    }
    let magnitude: i64 = match int.as_str() {
        "" => 0,
        digits => digits.parse().map_err(|_| ValueError::Integer)?,
    };
    Ok(if negative { -magnitude } else { magnitude })
}

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

/// Yes or no, in the four languages (and as the export writes them: 是/否, Ya/Tidak, ใช่/ไม่ใช่).
pub fn parse_flag(text: &str) -> Result<bool, ValueError> {
    // U+FE0F turns ✔ into the emoji ✔️; it carries no meaning here.
    let s: String = fold(text)
        .chars()
        .filter(|&c| c != '\u{FE0F}')
        .flat_map(char::to_lowercase)
        .collect();
    match s.as_str() {
        "yes" | "y" | "true" | "1" | "x" | "✓" | "✔" | "√" | "是" | "是的" | "ya" | "ada"
        | "ใช่" | "มี" => Ok(true),
        "no" | "n" | "false" | "0" | "✗" | "✘" | "否" | "不是" | "tidak" | "tiada" | "ไม่ใช่"
        | "ไม่มี" => Ok(false),
        _ => Err(ValueError::Flag),
    }
}

/// The longest web address a company may give.
const MAX_URL: usize = 200;

/// A web address: http or https only (a bare host like "www.example.com" gets "https://"), a
/// named host with a dot (no IP addresses, no user or password), no spaces, at most 200
/// characters as given and as normalized by the `url` crate, which is what is returned.
pub fn parse_url(text: &str) -> Result<String, ValueError> {
    let s = text.trim();
    if s.is_empty() || s.chars().count() > MAX_URL || s.contains(char::is_whitespace) {
        return Err(ValueError::Url);
    }
    let lower = s.to_ascii_lowercase();
    let full = if lower.starts_with("http://") || lower.starts_with("https://") {
        s.to_owned()
    } else if s.contains("://") {
        return Err(ValueError::Url);
    } else {
        format!("https://{}", s.trim_start_matches('/'))
    };
    let url = url::Url::parse(&full).map_err(|_| ValueError::Url)?;
    let named_host = matches!(url.host(), Some(url::Host::Domain(d))
        if d.contains('.') && d.split('.').all(|label| !label.is_empty()));
    let valid = matches!(url.scheme(), "http" | "https")
        && named_host
        && url.username().is_empty()
        && url.password().is_none();
    let url = String::from(url);
    (valid && url.chars().count() <= MAX_URL)
        .then_some(url)
        .ok_or(ValueError::Url)
}

/// An e-mail address: one @, a local part without spaces or quoting, a dotted domain of
/// letters, digits and hyphens, at most 254 characters; returned with the domain lower-cased.
pub fn parse_email(text: &str) -> Result<String, ValueError> {
    let s = text.trim();
    let (local, domain) = s.split_once('@').ok_or(ValueError::Email)?;
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    let labels: Vec<&str> = domain.split('.').collect();
    let valid = s.chars().count() <= 254
        && (1..=64).contains(&local.len())
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| !c.is_whitespace() && !c.is_control() && !"\"(),:;<>@[\\]".contains(c))
        && labels.len() >= 2
        && labels.iter().copied().all(label_ok)
        && labels.last().is_some_and(|tld| {
            tld.chars().count() >= 2 && !tld.bytes().all(|b| b.is_ascii_digit())
        });
    valid
        .then(|| format!("{local}@{}", domain.to_lowercase()))
        .ok_or(ValueError::Email)
}

/// An ISO 3166-1 alpha-2 code (any case), or alpha-3 mapped to alpha-2 (MYS → MY), upper case.
pub fn parse_country(text: &str) -> Result<String, ValueError> {
    let code = fold(text).to_ascii_uppercase();
    codes::country_alpha2(&code)
        .map(str::to_owned)
        .ok_or(ValueError::Country)
}

/// An active ISO 4217 alphabetic code (any case), upper case.
pub fn parse_currency(text: &str) -> Result<String, ValueError> {
    let code = fold(text).to_ascii_uppercase();
    codes::is_currency(&code)
        .then_some(code)
        .ok_or(ValueError::Currency)
}

/// A listing symbol in the format of exchange `mic`, trimmed and upper-cased, kept as text:
/// leading zeros matter, and a code missing them (Excel drops them: "166" for Bursa's "0166")
/// is an error for the partner to fix, never padded here, since only the partner knows it.
pub fn parse_symbol(mic: &str, text: &str) -> Result<String, ValueError> {
    let s = fold(text).to_uppercase();
    let n = s.len(); // Every accepted symbol is ASCII, so bytes are characters.
    let digits = s.bytes().all(|b| b.is_ascii_digit());
    let alnum = s
        .bytes()
        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    let punctuated = |extra: &[u8]| {
        s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || extra.contains(&b))
    };
    let valid = match mic.trim().to_ascii_uppercase().as_str() {
        // Bursa Malaysia: 4 digits; 5 with a leading zero on the LEAP market ("03024").
        "XKLS" => digits && (n == 4 || (n == 5 && s.starts_with('0'))),
        // SET: letters first, then letters, digits and & . - ("S&J", "M-CHAI", "BTS-W5").
        "XBKK" => {
            (1..=10).contains(&n)
                && s.starts_with(|c: char| c.is_ascii_uppercase())
                && punctuated(b"&.-".as_slice())
        }
        "XHKG" => digits && (n == 4 || n == 5),
        "XSES" => (3..=4).contains(&n) && alnum,
        "XIDX" => n == 4 && s.bytes().all(|b| b.is_ascii_uppercase()),
        "XSTC" => n == 3 && alnum,
        _ => (1..=12).contains(&n) && punctuated(b".&-".as_slice()),
    };
    valid.then_some(s).ok_or(ValueError::Symbol)
}

/// A text of at most `max` characters (not bytes), trimmed.
pub fn bounded_text(text: &str, max: usize) -> Result<String, ValueError> {
    let t = text.trim();
    (t.chars().count() <= max)
        .then(|| t.to_owned())
        .ok_or(ValueError::TooLong { max })
}

#[cfg(test)]
mod tests {
    use super::*;
    use NumberStyle::{CommaDecimal, DotDecimal};

    fn date(y: i32, m: u32, d: u32) -> Result<NaiveDate, ValueError> {
        NaiveDate::from_ymd_opt(y, m, d).ok_or(ValueError::Date)
    }

    #[test]
    fn error_codes_name_messages() {
        let all = [
            ValueError::Number,
            ValueError::Integer,
            ValueError::Date,
            ValueError::Flag,
            ValueError::Url,
            ValueError::Email,
            ValueError::Country,
            ValueError::Currency,
            ValueError::Symbol,
            ValueError::Year,
            ValueError::TooLong { max: 3 },
        ];
        let codes = all.map(|e| e.code()).join(" ");
        assert_eq!(
            codes,
            "number integer date flag url email country currency symbol year too-long"
        );
    }

    #[test]
    fn numbers_in_either_style() {
        for (text, style, want) in [
            ("1,234.5", DotDecimal, 1234.5),
            ("1234.5", DotDecimal, 1234.5),
            ("-1,234", DotDecimal, -1234.0),
            ("(1,234.50)", DotDecimal, -1234.5),
            ("\u{2212}12", DotDecimal, -12.0),
            ("1 234 567", DotDecimal, 1_234_567.0),
            ("1\u{a0}234\u{202f}567", DotDecimal, 1_234_567.0),
            ("1'234.5", DotDecimal, 1234.5),
            ("１，２３４．５", DotDecimal, 1234.5),
            ("๑๒๓", DotDecimal, 123.0),
            (" +7 ", DotDecimal, 7.0),
            (".5", DotDecimal, 0.5),
            ("1.234,5", CommaDecimal, 1234.5),
            ("(1.234,5)", CommaDecimal, -1234.5),
            ("12,5", CommaDecimal, 12.5),
            ("1 234,5", CommaDecimal, 1234.5),
            ("1.234.567", CommaDecimal, 1_234_567.0),
        ] {
            assert_eq!(parse_number(text, style), Ok(want), "{text}");
        }
        assert!(parse_number("-0", DotDecimal).is_ok_and(|v| v == 0.0 && v.is_sign_positive()));
        // "12,5" in a dot-decimal file is not 125, nor "1,234.5" in a comma-decimal one 1.234.
        for text in [
            "12,5", "1,23,456", "1.2.3", "RM1,234", "1e5", "", "-", "()", "12%", "1,,234",
        ] {
            assert_eq!(
                parse_number(text, DotDecimal),
                Err(ValueError::Number),
                "{text}"
            );
        }
        assert_eq!(
            parse_number("1,234.5", CommaDecimal),
            Err(ValueError::Number)
        );
    }

    #[test]
    fn integers_are_whole_and_exact() {
        assert_eq!(parse_integer("1,234.00", DotDecimal), Ok(1234));
        assert_eq!(parse_integer("(1,234)", DotDecimal), Ok(-1234));
        assert_eq!(parse_integer("1.234,00", CommaDecimal), Ok(1234));
        assert_eq!(parse_integer("41000000000", DotDecimal), Ok(41_000_000_000));
        assert_eq!(
            parse_integer("9007199254740993", DotDecimal),
            Ok(9_007_199_254_740_993)
        );
        assert_eq!(
            parse_integer("1,234.5", DotDecimal),
            Err(ValueError::Integer)
        );
        assert_eq!(
            parse_integer("99999999999999999999", DotDecimal),
            Err(ValueError::Integer)
        );
        assert_eq!(parse_integer("abc", DotDecimal), Err(ValueError::Number));
    }

    #[test]
    fn number_style_needs_unambiguous_evidence() {
        let cases: [(&[&str], NumberStyle); 12] = [
            (&["1.234,5"], CommaDecimal),
            (&["12,5", "7"], CommaDecimal),
            (&["1.234.567", "1.234"], CommaDecimal),
            (&["0,125"], CommaDecimal),
            (&["1,234"], DotDecimal),
            (&["1.234"], DotDecimal),
            (&["1,234.5"], DotDecimal),
            (&["1,234,567"], DotDecimal),
            (&["12,5", "12.5"], DotDecimal),
            (&["1.234,5", "1,234.5"], DotDecimal),
            (&["15.03.2024", "abc", ""], DotDecimal),
            (&[], DotDecimal),
        ];
        for (cells, want) in cases {
            assert_eq!(number_style(cells.iter().copied()), want, "{cells:?}");
        }
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

    #[test]
    fn flags_in_four_languages() {
        for text in "yes|Yes|Y|TRUE|1|x|X|✓|✔|✔\u{fe0f}|√|是|是的|ya|Ya|ada|ใช่|มี".split('|')
        {
            assert_eq!(parse_flag(text), Ok(true), "{text}");
        }
        for text in "no|N|FALSE|0|✗|否|不是|tidak|Tidak|tiada|ไม่ใช่|ไม่มี".split('|')
        {
            assert_eq!(parse_flag(text), Ok(false), "{text}");
        }
        for text in ["maybe", "", "2", "-", "yes!"] {
            assert_eq!(parse_flag(text), Err(ValueError::Flag), "{text}");
        }
    }

    #[test]
    fn urls() {
        for (text, want) in [
            ("https://www.example.com", "https://www.example.com/"),
            (" www.example.com ", "https://www.example.com/"),
            ("HTTP://Example.COM/About", "http://example.com/About"),
            ("example.com.my/ir?x=1", "https://example.com.my/ir?x=1"),
        ] {
            assert_eq!(parse_url(text).as_deref(), Ok(want), "{text}");
        }
        let long = format!("https://example.com/{}", "a".repeat(181));
        for text in [
            "ftp://example.com",
            "javascript:alert(1)",
            "mailto:ir@example.com",
            "http://localhost",
            "https://192.168.0.1",
            "https://exa mple.com",
            "https://user:pw@example.com",
            "https://example.com.",
            "",
            "example",
            long.as_str(),
        ] {
            assert_eq!(parse_url(text), Err(ValueError::Url), "{text}");
        }
    }

    #[test]
    fn emails() {
        assert_eq!(
            parse_email(" IR@Example.COM.my ").as_deref(),
            Ok("IR@example.com.my")
        );
        assert_eq!(
            parse_email("a.b+c@sub.example.co.th").as_deref(),
            Ok("a.b+c@sub.example.co.th")
        );
        let invalid = "no-at|a@b|a@@b.com|a b@c.com|@example.com|a@.com|a@example..com|a@-x.com|\
            .a@x.com|a..b@x.com|a@x.c|a@x.123|\"a\"@x.com|mailto:a@x.com";
        for text in invalid.split('|') {
            assert_eq!(parse_email(text), Err(ValueError::Email), "{text}");
        }
        let long = format!("a@{}.com", "b".repeat(250));
        assert_eq!(parse_email(&long), Err(ValueError::Email));
    }

    #[test]
    fn countries_and_currencies() {
        for (text, want) in [
            ("MY", "MY"),
            ("my", "MY"),
            ("mys", "MY"),
            (" THA ", "TH"),
            ("ＭＹ", "MY"),
        ] {
            assert_eq!(parse_country(text).as_deref(), Ok(want), "{text}");
        }
        for text in ["XX", "XXX", "", "Malaysia", "UK", "M"] {
            assert_eq!(parse_country(text), Err(ValueError::Country), "{text}");
        }
        for (text, want) in [
            ("MYR", "MYR"),
            ("thb", "THB"),
            (" sgd ", "SGD"),
            ("ＨＫＤ", "HKD"),
        ] {
            assert_eq!(parse_currency(text).as_deref(), Ok(want), "{text}");
        }
        for text in ["ABC", "RM", "", "HRK", "MYRR"] {
            assert_eq!(parse_currency(text), Err(ValueError::Currency), "{text}");
        }
    }

    #[test]
    fn symbols_per_exchange() {
        let valid = [
            ("XKLS", "1155|0166|01155|03024| 5347 "),
            ("xkls", "7277"),
            ("XBKK", "PTT|ADVANC|M-CHAI|S&J|BTS-W5|PTT-R|ptt|AP.A"),
            ("XHKG", "00700|0700|09988"),
            ("XSES", "D05|C6L|Z74|BN4|AWX"),
            ("XIDX", "BBCA|tlkm"),
            ("XSTC", "VNM|FPT|E1V"),
            ("XNAS", "AAPL|BRK.A|0700.HK"),
        ];
        for (mic, texts) in valid {
            for text in texts.split('|') {
                let want = text.trim().to_uppercase();
                assert_eq!(parse_symbol(mic, text), Ok(want), "{mic} {text}");
            }
        }
        let invalid = [
            ("XKLS", "166|12345|115|1155A|11 55|"),
            ("XBKK", "1PTT|ABCDEFGHIJK|P T|-PTT|PTT/W"),
            ("XHKG", "700|007000|70A"),
            ("XSES", "D5|ABCDE|D-05"),
            ("XIDX", "BBC|BBCA1|1234"),
            ("XSTC", "VN|VNMX"),
            ("XNAS", "ABCDEFGHIJKLM|A B|"),
        ];
        for (mic, texts) in invalid {
            for text in texts.split('|') {
                assert_eq!(
                    parse_symbol(mic, text),
                    Err(ValueError::Symbol),
                    "{mic} {text}"
                );
            }
        }
    }

    #[test]
    fn bounded_texts_count_characters() {
        assert_eq!(bounded_text("  abc  ", 3).as_deref(), Ok("abc"));
        assert_eq!(bounded_text("泰国公司", 4).as_deref(), Ok("泰国公司"));
        assert_eq!(bounded_text("abcd", 3), Err(ValueError::TooLong { max: 3 }));
    }
}
