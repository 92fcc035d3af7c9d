//! Percent-encoding for query strings built on both sides of the wire.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

/// Everything but RFC 3986 unreserved characters is escaped, so any UTF-8 text is a safe value.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

pub fn encode_component(value: &str) -> String {
    utf8_percent_encode(value, COMPONENT).to_string()
}

/// Decodes `%XX` escapes and `+` as a space (as forms send it); malformed escapes are kept as
/// they are.
pub fn decode_component(value: &str) -> String {
    percent_decode_str(&value.replace('+', " "))
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_script() {
        for text in [
            "棕榈油",
            "palm oil",
            "minyak sawit",
            "น้ำมันปาล์ม",
            "a&b=c?d/e%f+g",
        ] {
            assert_eq!(decode_component(&encode_component(text)), text);
        }
    }

    #[test]
    fn malformed_escapes_survive() {
        assert_eq!(decode_component("100%"), "100%");
        assert_eq!(decode_component("%zz1"), "%zz1");
        assert_eq!(decode_component("a+b"), "a b");
        assert_eq!(decode_component("1%2B1"), "1+1");
    }
}
