//! The evaluation itself: the answers to the twenty statements, each on the four-level scale,
//! make a score out of 100 per dimension and overall; a dimension under [`WEAK_BELOW`] is weak,
//! and its next steps are those of the statements answered below "partly in place".

use super::{DIMENSIONS, LEVELS, STATEMENTS, WEAK_BELOW};

/// The answers, one level index (0–3) per statement, in [`DIMENSIONS`] order, as stored:
/// `"0123…"`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answers(Vec<u8>);

impl Answers {
    pub fn from_levels(levels: Vec<u8>) -> Option<Answers> {
        let max = LEVELS.len() as u8;
        (levels.len() == DIMENSIONS.len() * STATEMENTS && levels.iter().all(|l| *l < max))
            .then_some(Answers(levels))
    }

    /// Reads the stored form; `None` for anything else (a row written by a later version).
    pub fn parse(stored: &str) -> Option<Answers> {
        let levels = stored
            .bytes()
            .map(|b| b.checked_sub(b'0'))
            .collect::<Option<Vec<u8>>>()?;
        Answers::from_levels(levels)
    }

    pub fn stored(&self) -> String {
        self.0.iter().map(|l| char::from(b'0' + l)).collect()
    }

    /// The level of statement `n` (0-based) of dimension `d` (its index in [`DIMENSIONS`]).
    pub fn level(&self, d: usize, n: usize) -> u8 {
        self.0[d * STATEMENTS + n]
    }

    /// Each dimension's score out of 100, in [`DIMENSIONS`] order.
    pub fn scores(&self) -> Vec<u32> {
        let most = ((LEVELS.len() - 1) * STATEMENTS) as u32;
        (0..DIMENSIONS.len())
            .map(|d| {
                let sum: u32 = (0..STATEMENTS).map(|n| u32::from(self.level(d, n))).sum();
                (sum * 100 + most / 2) / most
            })
            .collect()
    }

    /// The statements (0-based) whose next step a weak dimension `d` shows.
    pub fn steps(&self, d: usize) -> Vec<usize> {
        if self.scores()[d] >= WEAK_BELOW {
            return Vec::new();
        }
        (0..STATEMENTS).filter(|n| self.level(d, *n) < 2).collect()
    }
}

/// The mean of the dimensions' scores.
pub fn overall(scores: &[u32]) -> u32 {
    let n = scores.len().max(1) as u32;
    (scores.iter().sum::<u32>() + n / 2) / n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(per_dimension: [[u8; 4]; 5]) -> Answers {
        Answers::from_levels(per_dimension.concat()).unwrap()
    }

    #[test]
    fn scores_weak_dimensions_and_their_steps() {
        let a = answers([
            [3, 3, 3, 3],
            [0, 0, 0, 0],
            [2, 2, 1, 2],
            [1, 2, 0, 3],
            [3, 2, 2, 2],
        ]);
        assert_eq!(a.scores(), [100, 0, 58, 50, 75]);
        assert_eq!(overall(&a.scores()), 57);
        assert!(a.steps(0).is_empty());
        assert_eq!(a.steps(1), [0, 1, 2, 3]);
        assert_eq!(a.steps(2), [2], "only what is below partly in place");
        assert_eq!(a.steps(3), [0, 2]);
        assert!(a.steps(4).is_empty(), "not weak");
    }

    #[test]
    fn the_stored_form_round_trips_and_nothing_else_is_read() {
        let a = answers([[0, 1, 2, 3]; 5]);
        assert_eq!(a.stored(), "01230123012301230123");
        assert_eq!(Answers::parse(&a.stored()), Some(a));
        assert_eq!(Answers::parse("0123"), None);
        assert_eq!(Answers::parse("01230123012301230124"), None);
        assert_eq!(Answers::parse("0123012301230123012x"), None);
    }
}
