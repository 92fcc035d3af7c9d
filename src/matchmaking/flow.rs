//! The liaison case as a state machine: which step each side may take at each stage, and where
//! it leads. Plain functions over plain values, so that the rules are read and tested in one
//! place, and every write path asks them before it changes a case.
//!
//! A case has two parties and the operator: the domestic enterprise, and the partner exchange
//! speaking for one of its listed companies. Either party may start one (an enterprise asks to
//! be introduced; a partner answers an enterprise's demand); the other party is the one who
//! accepts or declines. An introduction, an expert consultation or a roadshow meeting request
//! all run through these stages; `kind` on the case says which it is.

use serde::{Deserialize, Serialize};

/// Where a case stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Stage {
    /// Asked for; the operator has not looked at it yet.
    Requested,
    /// The operator is checking it.
    Screening,
    /// Passed on to the other party, who has to answer.
    Forwarded,
    /// The other party agreed: contacts are exchanged.
    Accepted,
    /// The other party, or the operator at screening, said no.
    Declined,
    /// A meeting is set (and may be moved).
    Meeting,
    /// Over, with an outcome.
    Closed,
    /// Taken back by the party who asked, before anyone agreed.
    Withdrawn,
}

/// Who takes a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Side {
    Enterprise,
    Partner,
    Operator,
}

/// What someone does to a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Step {
    Screen,
    Forward,
    /// The operator turns the request down.
    Refuse,
    Accept,
    Decline,
    Schedule,
    Close,
    Withdraw,
}

pub const STAGES: [Stage; 8] = [
    Stage::Requested,
    Stage::Screening,
    Stage::Forwarded,
    Stage::Accepted,
    Stage::Declined,
    Stage::Meeting,
    Stage::Closed,
    Stage::Withdrawn,
];

pub const STEPS: [Step; 8] = [
    Step::Screen,
    Step::Forward,
    Step::Refuse,
    Step::Accept,
    Step::Decline,
    Step::Schedule,
    Step::Close,
    Step::Withdraw,
];

pub const SIDES: [Side; 3] = [Side::Enterprise, Side::Partner, Side::Operator];

/// `code()` and `from_code()` for an enum of unit variants, the codes being what the database
/// and URLs carry.
macro_rules! codes {
    ($type:ty, $all:expr, { $($variant:path => $code:literal),* $(,)? }) => {
        impl $type {
            pub fn code(self) -> &'static str {
                match self {
                    $($variant => $code),*
                }
            }

            pub fn from_code(code: &str) -> Option<Self> {
                $all.into_iter().find(|v| v.code() == code)
            }
        }
    };
}

codes!(Stage, STAGES, {
    Stage::Requested => "requested",
    Stage::Screening => "screening",
    Stage::Forwarded => "forwarded",
    Stage::Accepted => "accepted",
    Stage::Declined => "declined",
    Stage::Meeting => "meeting",
    Stage::Closed => "closed",
    Stage::Withdrawn => "withdrawn",
});

codes!(Step, STEPS, {
    Step::Screen => "screen",
    Step::Forward => "forward",
    Step::Refuse => "refuse",
    Step::Accept => "accept",
    Step::Decline => "decline",
    Step::Schedule => "schedule",
    Step::Close => "close",
    Step::Withdraw => "withdraw",
});

codes!(Side, SIDES, {
    Side::Enterprise => "enterprise",
    Side::Partner => "partner",
    Side::Operator => "operator",
});

impl Side {
    /// The other party of a case; the operator has none.
    pub fn other(self) -> Option<Side> {
        match self {
            Side::Enterprise => Some(Side::Partner),
            Side::Partner => Some(Side::Enterprise),
            Side::Operator => None,
        }
    }
}

impl Stage {
    /// Nothing more can happen to it.
    pub fn is_final(self) -> bool {
        matches!(self, Stage::Declined | Stage::Closed | Stage::Withdrawn)
    }

    /// Both parties have agreed, so each sees the other's contact details.
    pub fn contacts_shared(self, accepted: bool) -> bool {
        accepted && matches!(self, Stage::Accepted | Stage::Meeting | Stage::Closed)
    }
}

/// Where `step` by `by` leads a case at `stage` that `initiator` started, or `None` when that
/// side may not take that step there.
pub fn next(stage: Stage, step: Step, by: Side, initiator: Side) -> Option<Stage> {
    let answering = initiator.other();
    let operator = by == Side::Operator;
    let to = match (stage, step) {
        (Stage::Requested, Step::Screen) if operator => Stage::Screening,
        (Stage::Requested | Stage::Screening, Step::Refuse) if operator => Stage::Declined,
        (Stage::Screening, Step::Forward) if operator => Stage::Forwarded,
        (Stage::Forwarded, Step::Accept) if Some(by) == answering => Stage::Accepted,
        (Stage::Forwarded, Step::Decline) if Some(by) == answering => Stage::Declined,
        // Either party or the operator sets the meeting, and may move it.
        (Stage::Accepted | Stage::Meeting, Step::Schedule) => Stage::Meeting,
        // The outcome is recorded by those who carry the case: the operator and the exchange.
        (Stage::Accepted | Stage::Meeting, Step::Close) if operator || by == Side::Partner => {
            Stage::Closed
        }
        (Stage::Requested | Stage::Screening | Stage::Forwarded, Step::Withdraw)
            if by == initiator =>
        {
            Stage::Withdrawn
        }
        _ => return None,
    };
    Some(to)
}

/// The steps `by` may take now, in the order a page offers them.
pub fn allowed(stage: Stage, by: Side, initiator: Side) -> Vec<Step> {
    STEPS
        .into_iter()
        .filter(|&step| next(stage, step, by, initiator).is_some())
        .collect()
}

/// How a closed case ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Outcome {
    /// Cooperation agreed.
    Cooperation,
    /// Financing closed, with an amount and currency.
    Financing,
    /// No deal, with a reason.
    NoDeal,
}

pub const OUTCOMES: [Outcome; 3] = [Outcome::Cooperation, Outcome::Financing, Outcome::NoDeal];

codes!(Outcome, OUTCOMES, {
    Outcome::Cooperation => "cooperation",
    Outcome::Financing => "financing",
    Outcome::NoDeal => "no-deal",
});

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// Every transition the rules allow, written out by hand as (stage, step, side, initiator)
    /// → stage; anything not in this table must be refused.
    fn expected() -> HashMap<(Stage, Step, Side, Side), Stage> {
        use Side::*;
        use Stage::*;
        let mut table = HashMap::new();
        for initiator in [Enterprise, Partner] {
            let other = initiator.other().unwrap();
            let mut allow = |stage, step, by, to| {
                table.insert((stage, step, by, initiator), to);
            };
            allow(Requested, Step::Screen, Operator, Screening);
            allow(Requested, Step::Refuse, Operator, Declined);
            allow(Screening, Step::Refuse, Operator, Declined);
            allow(Screening, Step::Forward, Operator, Forwarded);
            allow(Forwarded, Step::Accept, other, Accepted);
            allow(Forwarded, Step::Decline, other, Declined);
            for stage in [Accepted, Meeting] {
                for by in SIDES {
                    allow(stage, Step::Schedule, by, Meeting);
                }
                allow(stage, Step::Close, Operator, Closed);
                allow(stage, Step::Close, Partner, Closed);
            }
            for stage in [Requested, Screening, Forwarded] {
                allow(stage, Step::Withdraw, initiator, Withdrawn);
            }
        }
        table
    }

    #[test]
    fn every_step_of_every_side_at_every_stage_is_allowed_or_refused_as_the_table_says() {
        let expected = expected();
        let mut checked = 0;
        for initiator in [Side::Enterprise, Side::Partner] {
            for stage in STAGES {
                for step in STEPS {
                    for by in SIDES {
                        let want = expected.get(&(stage, step, by, initiator)).copied();
                        assert_eq!(
                            next(stage, step, by, initiator),
                            want,
                            "{step:?} by {by:?} at {stage:?}, started by {initiator:?}"
                        );
                        checked += 1;
                    }
                }
            }
        }
        assert_eq!(checked, 2 * 8 * 8 * 3);
    }

    #[test]
    fn final_stages_allow_nothing() {
        for stage in STAGES.into_iter().filter(|s| s.is_final()) {
            for by in SIDES {
                assert!(allowed(stage, by, Side::Enterprise).is_empty(), "{stage:?}");
            }
        }
    }

    #[test]
    fn the_side_that_asked_cannot_answer_its_own_request() {
        assert_eq!(
            allowed(Stage::Forwarded, Side::Enterprise, Side::Enterprise),
            [Step::Withdraw]
        );
        assert_eq!(
            allowed(Stage::Forwarded, Side::Partner, Side::Enterprise),
            [Step::Accept, Step::Decline]
        );
        assert_eq!(
            allowed(Stage::Forwarded, Side::Enterprise, Side::Partner),
            [Step::Accept, Step::Decline]
        );
    }

    #[test]
    fn contacts_are_shared_only_after_acceptance() {
        assert!(!Stage::Forwarded.contacts_shared(false));
        assert!(Stage::Accepted.contacts_shared(true));
        assert!(Stage::Closed.contacts_shared(true));
        // Refused at screening: closed without anyone accepting.
        assert!(!Stage::Declined.contacts_shared(false));
    }

    #[test]
    fn codes_round_trip() {
        for stage in STAGES {
            assert_eq!(Stage::from_code(stage.code()), Some(stage));
        }
        for step in STEPS {
            assert_eq!(Step::from_code(step.code()), Some(step));
        }
        for side in SIDES {
            assert_eq!(Side::from_code(side.code()), Some(side));
        }
        for outcome in OUTCOMES {
            assert_eq!(Outcome::from_code(outcome.code()), Some(outcome));
        }
        assert_eq!(Stage::from_code("nope"), None);
    }
}
