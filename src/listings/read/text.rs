//! Which encoding a partner's text file uses, and decoding it strictly: a byte that is not
//! valid in that encoding is reported with its offset, never replaced, so a wrong guess shows
//! up as an error the partner can fix by picking the encoding instead of as garbled names.

use super::document::ReadError;

/// How far into a text the control-character test looks.
pub(super) const SNIFF_BYTES: usize = 1024;
use encoding_rs::{DecoderResult, Encoding, REPLACEMENT, UTF_8, UTF_16BE, UTF_16LE};

/// How much of a file without BOM is looked at for UTF-16's zero bytes.
const UTF16_SNIFF: usize = 4096;
/// How much of an HTML page is searched for its `charset`.
const META_SNIFF: usize = 2048;

/// The encoding to decode with, and how it was chosen.
struct Choice {
    encoding: &'static Encoding,
    bom_len: usize,
    /// Guessed from the content, rather than stated by the partner or a BOM.
    guessed: bool,
}

/// Decodes `bytes` as text. `label` overrides detection.
pub(super) fn decode(
    bytes: &[u8],
    label: Option<&str>,
) -> Result<(String, &'static Encoding), ReadError> {
    let choice = choose(bytes, label)?;
    match strict(bytes, &choice) {
        Ok(text) => Ok((text, choice.encoding)),
        // A guess that fails on a file full of control bytes was a binary file all along.
        Err(_) if choice.guessed && has_control_bytes(bytes) => Err(ReadError::UnknownFormat),
        Err(err) => Err(err),
    }
}

fn choose(bytes: &[u8], label: Option<&str>) -> Result<Choice, ReadError> {
    let stated = |encoding, bom_len| {
        Ok(Choice {
            encoding,
            bom_len,
            guessed: false,
        })
    };
    let guessed = |encoding| {
        Ok(Choice {
            encoding,
            bom_len: 0,
            guessed: true,
        })
    };
    if let Some(label) = label {
        let encoding = Encoding::for_label(label.as_bytes())
            // "replacement" is a label too, of an encoding that decodes nothing.
            .filter(|&e| e != REPLACEMENT)
            .ok_or_else(|| ReadError::UnknownEncoding {
                label: label.to_owned(),
            })?;
        // The BOM of the chosen encoding is still not content.
        let bom_len = match Encoding::for_bom(bytes) {
            Some((bom, len)) if bom == encoding => len,
            _ => 0,
        };
        return stated(encoding, bom_len);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return stated(encoding, bom_len);
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return guessed(encoding);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return guessed(UTF_8);
    }
    if let Some(encoding) = meta_charset(bytes) {
        return stated(encoding, 0);
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    guessed(detector.guess(None, true))
}

/// UTF-16 without BOM: the ASCII in it (digits, delimiters, line ends) has a zero high byte,
/// which text in any other encoding never has.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(UTF16_SNIFF)];
    let units = head.len() / 2;
    let (mut even, mut odd) = (0, 0);
    for unit in head.chunks_exact(2) {
        if let [first, second] = unit {
            even += usize::from(*first == 0);
            odd += usize::from(*second == 0);
        }
    }
    // At least one unit in eight, and (almost) only on one side.
    let many = |zeros: usize| units >= 2 && zeros * 8 >= units;
    if many(odd) && even * 8 < odd {
        Some(UTF_16LE)
    } else if many(even) && odd * 8 < even {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The `charset` an HTML page declares (`<meta charset=...>` or `content="...; charset=..."`),
/// if encoding_rs knows it. Exchange sites declare TIS-620 rather than rely on detection.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes[..bytes.len().min(META_SNIFF)].to_ascii_lowercase();
    if head.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'<') {
        return None;
    }
    let mut rest = head.as_slice();
    while let Some(at) = find(rest, b"charset") {
        rest = rest.get(at + b"charset".len()..)?;
        let Some(value) = skip_blanks(rest).strip_prefix(b"=") else {
            continue;
        };
        let value = skip_blanks(value);
        let value = value
            .strip_prefix(b"\"")
            .or(value.strip_prefix(b"'"))
            .unwrap_or(value);
        let end = value
            .iter()
            .position(|b| b" \t\r\n\"';>/".contains(b))
            .unwrap_or(value.len());
        let encoding = Encoding::for_label(&value[..end]);
        // HTML says a declared UTF-16 means UTF-8, which has already failed.
        if let Some(encoding) =
            encoding.filter(|&e| ![REPLACEMENT, UTF_16LE, UTF_16BE].contains(&e))
        {
            return Some(encoding);
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn skip_blanks(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}

/// Control bytes other than tab and line ends: in every ASCII-compatible encoding they are the
/// same control characters, which no text file has.
fn has_control_bytes(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    head.iter()
        .any(|&b| (b < 0x20 && !matches!(b, b'\t' | b'\r' | b'\n')) || b == 0x7f)
}

/// Decodes without replacing anything: the first malformed sequence is an error.
fn strict(bytes: &[u8], choice: &Choice) -> Result<String, ReadError> {
    let body = bytes.get(choice.bom_len..).unwrap_or_default();
    let mut decoder = choice.encoding.new_decoder_without_bom_handling();
    let room = |decoder: &encoding_rs::Decoder, left: usize| {
        decoder
            .max_utf8_buffer_length_without_replacement(left)
            .unwrap_or(left)
            .max(16)
    };
    let mut text = String::with_capacity(room(&decoder, body.len()));
    let mut read = 0;
    loop {
        let rest = body.get(read..).unwrap_or_default();
        let (result, consumed) =
            decoder.decode_to_string_without_replacement(rest, &mut text, true);
        read += consumed;
        match result {
            DecoderResult::InputEmpty => return Ok(text),
            DecoderResult::OutputFull => {
                text.reserve(room(&decoder, body.len().saturating_sub(read)))
            }
            DecoderResult::Malformed(bad, after) => {
                // `read` counts the malformed bytes and those consumed after them.
                let at = read.saturating_sub(usize::from(bad) + usize::from(after));
                return Err(ReadError::Undecodable {
                    encoding: choice.encoding.name().to_owned(),
                    offset: choice.bom_len + at,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Limits, ReadError, read};
    use super::*;
    use encoding_rs::{GBK, WINDOWS_874};

    fn decoded(bytes: &[u8], label: Option<&str>) -> (String, &'static str) {
        let (text, encoding) = decode(bytes, label).unwrap();
        (text, encoding.name())
    }

    fn utf16(text: &str, little: bool) -> Vec<u8> {
        let bom = if little { [0xFF, 0xFE] } else { [0xFE, 0xFF] };
        let units = text.encode_utf16();
        let bytes = units.flat_map(|u| {
            if little {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            }
        });
        bom.into_iter().chain(bytes).collect()
    }

    /// `text` written in `encoding` is told to be that; and when the partner names `label`,
    /// it is read as `read_as`.
    fn assert_detected(encoding: &'static Encoding, text: &str, label: &str, read_as: &str) {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable);
        assert_eq!(decoded(&bytes, None), (text.to_owned(), encoding.name()));
        assert_eq!(decoded(&bytes, Some(label)), (text.to_owned(), read_as));
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let text = "Symbol,ชื่อ\nAOT,ท่าอากาศยานไทย\n";
        assert_eq!(decoded(text.as_bytes(), None), (text.to_owned(), "UTF-8"));
        let with_bom = [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat();
        assert_eq!(decoded(&with_bom, None), (text.to_owned(), "UTF-8"));
        assert_eq!(
            decoded(&with_bom, Some("utf-8")),
            (text.to_owned(), "UTF-8")
        );
    }

    #[test]
    fn utf16_with_bom_and_without() {
        let text = "代码,公司名称\n600519,贵州茅台\n";
        assert_eq!(
            decoded(&utf16(text, true), None),
            (text.to_owned(), "UTF-16LE")
        );
        assert_eq!(
            decoded(&utf16(text, false), None),
            (text.to_owned(), "UTF-16BE")
        );
        let no_bom = utf16(text, true);
        assert_eq!(decoded(&no_bom[2..], None), (text.to_owned(), "UTF-16LE"));
        let doc = read(&utf16(text, false), None, &Limits::default()).unwrap();
        assert_eq!(doc.encoding.as_deref(), Some("UTF-16BE"));
        assert_eq!(doc.sheets[0].headers, ["代码", "公司名称"]);
    }

    #[test]
    fn gbk_chinese_is_detected() {
        let text = "代码,公司名称,行业\n600519,贵州茅台酒股份有限公司,白酒\n\
            601318,中国平安保险(集团)股份有限公司,保险\n600036,招商银行股份有限公司,银行\n\
            000858,宜宾五粮液股份有限公司,白酒\n601398,中国工商银行股份有限公司,银行\n\
            000333,美的集团股份有限公司,家用电器\n600900,中国长江电力股份有限公司,电力\n";
        assert_detected(GBK, text, "gb18030", "gb18030");
    }

    #[test]
    fn windows_874_thai_is_detected() {
        let text = "ลำดับ,หลักทรัพย์,ชื่อบริษัท,ตลาด,กลุ่มอุตสาหกรรม\n\
            1,AOT,บริษัท ท่าอากาศยานไทย จำกัด (มหาชน),SET,บริการ\n\
            2,PTT,บริษัท ปตท. จำกัด (มหาชน),SET,ทรัพยากร\n\
            3,CPALL,บริษัท ซีพี ออลล์ จำกัด (มหาชน),SET,บริการ\n\
            4,KBANK,ธนาคารกสิกรไทย จำกัด (มหาชน),SET,ธุรกิจการเงิน\n\
            5,ADVANC,บริษัท แอดวานซ์ อินโฟร์ เซอร์วิส จำกัด (มหาชน),SET,เทคโนโลยี\n\
            6,BDMS,บริษัท กรุงเทพดุสิตเวชการ จำกัด (มหาชน),SET,บริการ\n\
            7,SCC,บริษัท ปูนซิเมนต์ไทย จำกัด (มหาชน),SET,อสังหาริมทรัพย์และก่อสร้าง\n\
            8,CPF,บริษัท เจริญโภคภัณฑ์อาหาร จำกัด (มหาชน),SET,เกษตรและอุตสาหกรรมอาหาร\n";
        // TIS-620 is one of windows-874's labels.
        assert_detected(WINDOWS_874, text, "TIS-620", "windows-874");
    }

    #[test]
    fn invalid_byte_in_declared_utf8_has_its_offset() {
        let bytes = b"\xEF\xBB\xBFSymbol,Name\nAOT,Air\xFFport\n";
        let offset = bytes.iter().position(|&b| b == 0xFF).unwrap();
        let err = decode(bytes, Some("UTF-8")).unwrap_err();
        assert_eq!(
            err,
            ReadError::Undecodable {
                encoding: "UTF-8".into(),
                offset
            }
        );
        // A truncated sequence: the offset is its first byte.
        let err = decode(b"ab\xE0\xB8cd", Some("utf8")).unwrap_err();
        assert_eq!(
            err,
            ReadError::Undecodable {
                encoding: "UTF-8".into(),
                offset: 2
            }
        );
    }

    #[test]
    fn unknown_labels() {
        for label in ["klingon", "replacement"] {
            let err = decode(b"a,b\n", Some(label)).unwrap_err();
            assert_eq!(
                err,
                ReadError::UnknownEncoding {
                    label: label.into()
                }
            );
        }
    }

    #[test]
    fn meta_charset_is_read_from_markup_only() {
        let page =
            b"\n<html><head><meta http-equiv='Content-Type' content='text/html; charset=tis-620'>";
        assert_eq!(meta_charset(page), Some(WINDOWS_874));
        assert_eq!(meta_charset(b"<meta charset = \"GBK\" />"), Some(GBK));
        assert_eq!(meta_charset(b"<meta charset=utf-16>"), None);
        assert_eq!(meta_charset(b"name,charset=tis-620"), None);
    }
}
