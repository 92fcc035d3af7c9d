//! Percent-encoding for query strings built on both sides of the wire.

/// Encodes everything but RFC 3986 unreserved characters, so any UTF-8 text is a safe value.
pub fn encode_component(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Decodes `%XX` escapes and `+` as a space; malformed escapes are kept as they are.
pub fn decode_component(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
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
    }
}
