//! Which content codings a request accepts (`Accept-Encoding`), for the answers that choose
//! their own: the bundle's precompressed files (`assets`) and the gzipped page copies
//! (`page_cache`).

use http::HeaderMap;
use http::header::ACCEPT_ENCODING;

/// Whether the request names `coding` in any of its `Accept-Encoding` lines, and not with a
/// weight of zero.
pub fn accepts(headers: &HeaderMap, coding: &str) -> bool {
    let values = headers.get_all(ACCEPT_ENCODING).iter();
    let mut items = values
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','));
    items.any(|item| {
        let mut params = item.split(';').map(str::trim);
        let named = params
            .next()
            .is_some_and(|c| c.eq_ignore_ascii_case(coding));
        named && !params.any(weighs_nothing)
    })
}

/// Whether a parameter of a coding is a weight of zero (`q=0`, `Q = 0.000`, `q=` or below).
fn weighs_nothing(param: &str) -> bool {
    match param.split_once('=') {
        Some((name, q)) if name.trim().eq_ignore_ascii_case("q") => {
            let q = q.trim();
            q.trim_start_matches(['0', '.']).is_empty() || q.parse::<f32>().is_ok_and(|q| q <= 0.0)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn accepts_in(value: &str, coding: &str) -> bool {
        let mut headers = HeaderMap::new();
        headers.insert(ACCEPT_ENCODING, HeaderValue::from_str(value).unwrap());
        accepts(&headers, coding)
    }

    #[test]
    fn accept_encoding_is_read_with_its_weights() {
        assert!(accepts_in("gzip, deflate, br", "br"));
        assert!(accepts_in("br;q=0.5, gzip", "br"));
        assert!(accepts_in("BR", "br"));
        assert!(!accepts_in("br;q=0, gzip", "br"));
        assert!(!accepts_in("br;q=0.000", "br"));
        assert!(!accepts_in("br; Q=0", "br"));
        assert!(!accepts_in("gzip", "br"));
        assert!(!accepts_in("", "gzip"));
        assert!(accepts_in("gzip, deflate, br, zstd", "gzip"));
        assert!(accepts_in("br;q=1.0, GZIP ; q=0.5", "gzip"));
        assert!(!accepts_in("gzip;q=0", "gzip"));
        assert!(!accepts_in("gzip; Q = 0.000", "gzip"));
        assert!(accepts_in("x-gzip", "x-gzip"));
        assert!(!accepts_in("br, identity", "gzip"));
        assert!(!accepts(&HeaderMap::new(), "gzip"));
    }

    #[test]
    fn every_line_of_the_header_counts() {
        let mut headers = HeaderMap::new();
        headers.append(ACCEPT_ENCODING, HeaderValue::from_static("br;q=0"));
        headers.append(ACCEPT_ENCODING, HeaderValue::from_static("gzip"));
        assert!(accepts(&headers, "gzip"));
        assert!(!accepts(&headers, "br"));
    }
}
