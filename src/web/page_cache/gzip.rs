//! A copy gzipped once and answered gzipped with a fresh nonce each time, without compressing
//! again: browsers ask for gzip, and compressing a page of tens of KB on every answer cost more
//! than all the rest of a cached answer (README, the bench of 2026-12-08).
//!
//! Each part between the nonces is deflated on its own and ends on a byte boundary, so the parts
//! can follow one another in one deflate stream; each nonce goes between them as a stored
//! (uncompressed) block, and the trailer's CRC-32 is combined from the parts' and the nonce's.
//! What a client receives is one ordinary gzip member (RFC 1951, 1952).

use super::Pieces;
use axum::body::Bytes;
use flate2::{Compress, Compression, Crc, FlushCompress};
use std::collections::VecDeque;

/// The gzip header: deflate, no name or time, unknown system.
const HEADER: [u8; 10] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
/// An empty stored block marked last: the end of the deflate stream.
const LAST_BLOCK: [u8; 5] = [1, 0, 0, 0xff, 0xff];

/// A part, deflated, with the CRC-32 of its plain bytes.
struct Part {
    deflated: Bytes,
    crc: Crc,
}

pub(super) struct Gzipped {
    parts: Vec<Part>,
}

impl Gzipped {
    /// `parts` deflated each on its own; `None` if the compressor refuses (it never should:
    /// the copy is then answered plain).
    pub(super) fn new(parts: &[Bytes]) -> Option<Gzipped> {
        let parts = parts
            .iter()
            .map(|plain| {
                let mut crc = Crc::new();
                crc.update(plain);
                Some(Part {
                    deflated: deflate(plain)?,
                    crc,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Gzipped { parts })
    }

    /// The gzipped page with `nonce` between its parts.
    pub(super) fn around(&self, nonce: &[u8]) -> Option<Pieces> {
        let gap = stored(nonce)?;
        let mut nonce_crc = Crc::new();
        nonce_crc.update(nonce);
        let mut crc = Crc::new();
        let mut pieces = VecDeque::with_capacity(self.parts.len() * 2 + 2);
        pieces.push_back(Bytes::from_static(&HEADER));
        for (i, part) in self.parts.iter().enumerate() {
            if i > 0 {
                pieces.push_back(gap.clone());
                crc.combine(&nonce_crc);
            }
            pieces.push_back(part.deflated.clone());
            crc.combine(&part.crc);
        }
        let mut trailer = Vec::with_capacity(LAST_BLOCK.len() + 8);
        trailer.extend_from_slice(&LAST_BLOCK);
        trailer.extend_from_slice(&crc.sum().to_le_bytes());
        // The length modulo 2³², as the format has it.
        trailer.extend_from_slice(&crc.amount().to_le_bytes());
        pieces.push_back(Bytes::from(trailer));
        Some(Pieces(pieces))
    }
}

/// `plain` as deflate blocks, none marked last, ending on a byte boundary (a sync flush).
fn deflate(plain: &[u8]) -> Option<Bytes> {
    let mut compress = Compress::new(Compression::default(), false);
    let mut out = Vec::with_capacity(plain.len() / 4 + 64);
    loop {
        let read = usize::try_from(compress.total_in()).ok()?;
        compress
            .compress_vec(&plain[read..], &mut out, FlushCompress::Sync)
            .ok()?;
        // The flush is complete once the compressor stops short of the room it was given.
        if compress.total_in() == plain.len() as u64 && out.len() < out.capacity() {
            // Kept for as long as the copy: without its spare room.
            out.shrink_to_fit();
            return Some(Bytes::from(out));
        }
        out.reserve(out.capacity());
    }
}

/// `data` as one stored block, not the last.
fn stored(data: &[u8]) -> Option<Bytes> {
    let len = u16::try_from(data.len()).ok()?;
    let mut block = Vec::with_capacity(5 + data.len());
    block.push(0);
    block.extend_from_slice(&len.to_le_bytes());
    block.extend_from_slice(&(!len).to_le_bytes());
    block.extend_from_slice(data);
    Some(Bytes::from(block))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn gunzip(pieces: Pieces) -> Vec<u8> {
        let gz: Vec<u8> = pieces.0.iter().flat_map(|p| p.iter().copied()).collect();
        let mut plain = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut plain)
            .expect("a valid gzip stream, its CRC and length checked");
        plain
    }

    #[test]
    fn parts_gzipped_apart_read_as_one_page_with_the_nonce() {
        let text = "<p>ข้อมูลบริษัท 公司资料</p>".repeat(300);
        let page = format!("数据{text}<script nonce=\"数据\"></script>{text}数据");
        let parts: Vec<Bytes> = page
            .split("数据")
            .map(|p| Bytes::copy_from_slice(p.as_bytes()))
            .collect();
        let gzipped = Gzipped::new(&parts).unwrap();
        let expected = page.replace("数据", "n0nce-1");
        assert_eq!(
            gunzip(gzipped.around(b"n0nce-1").unwrap()),
            expected.as_bytes()
        );
        // Another answer, another nonce, the same deflated parts.
        let again = gunzip(gzipped.around(b"n0nce-2").unwrap());
        assert_eq!(again, page.replace("数据", "n0nce-2").as_bytes());
        let compressed: usize = gzipped.parts.iter().map(|p| p.deflated.len()).sum();
        assert!(
            compressed < page.len() / 10,
            "{compressed} of {}",
            page.len()
        );
    }

    #[test]
    fn a_part_that_hardly_compresses_grows_its_buffer() {
        let mut seed = 7u32;
        let noise: Vec<u8> = (0..100_000)
            .map(|_| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                (seed >> 16) as u8
            })
            .collect();
        let parts = [Bytes::from(noise.clone()), Bytes::from_static(b"end")];
        let gzipped = Gzipped::new(&parts).unwrap();
        let mut expected = noise;
        expected.extend_from_slice(b"-end");
        assert_eq!(gunzip(gzipped.around(b"-").unwrap()), expected);
    }

    #[test]
    fn a_page_without_a_nonce_or_with_empty_parts_still_reads() {
        let one = Gzipped::new(&[Bytes::from_static(b"plain")]).unwrap();
        assert_eq!(gunzip(one.around(b"").unwrap()), b"plain");
        let empty = Gzipped::new(&[Bytes::new(), Bytes::new()]).unwrap();
        assert_eq!(gunzip(empty.around(b"n").unwrap()), b"n");
    }
}
