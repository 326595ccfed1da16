use super::normalise as new;
use super::old_normalise as old;
use proptest::prelude::*;

fn strat() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("I'd".to_string()),
            Just("im".to_string()),
            Just("'".to_string()),
            Just("’".to_string()),
            Just(" ".to_string()),
            Just("  ".to_string()),
            Just("\n".to_string()),
            Just("\u{0B}".to_string()),
            Just("-".to_string()),
            Just("You're".to_string()),
            Just("İ".to_string()),
            Just("É".to_string()),
            Just("e\u{301}".to_string()),
            Just("🙂".to_string()),
            Just("…".to_string()),
            Just("ﬁ".to_string()),
            Just("\u{a0}".to_string()),
            Just("ǅ".to_string()),
            Just("Σ".to_string()),
            Just("“".to_string()),
            Just("$".to_string()),
            Just("x".to_string()),
            Just("42".to_string()),
            Just("don't".to_string()),
            "\\PC{0,3}",
            "[a-zA-Z' .,!-]{0,6}",
        ],
        0..12,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20000))]
    #[test]
    fn normalise_same(s in strat()) {
        let s2 = old::nfkc_cow(&s).into_owned();
        let mut a = String::new();
        new::normalise_into(&s2, &mut a);
        let mut b = String::new();
        old::normalise_into(&s2, &mut String::new(), &mut b);
        prop_assert_eq!(a, b);
        prop_assert_eq!(new::nfkc_cow(&s), old::nfkc_cow(&s));
        prop_assert_eq!(new::has_content(&s), old::has_content(&s));
        prop_assert_eq!(new::is_blank(&s), s.trim().is_empty());
        let w1: Vec<_> = new::words(&s).collect();
        let w2: Vec<_> = old::words(&s).collect();
        prop_assert_eq!(w1, w2);
        for p in 0..=s.len() {
            if s.is_char_boundary(p) {
                prop_assert_eq!(new::next_word_start(&s, p), old::next_word_start(&s, p));
            }
            prop_assert_eq!(new::read_word(&s, p), old::read_word(&s, p));
        }
    }
}

mod env {
    pub(crate) use super::super::Signals;
    pub(crate) mod normalise {
        pub(crate) use super::super::super::old_normalise::*;
    }
    pub(crate) mod lists {
        pub(crate) use super::super::super::lists::FastMap;
    }
    #[path = "/tmp/old_signals_notests.rs"]
    #[allow(dead_code)]
    pub(crate) mod signals;
}

fn old_hints() -> env::signals::Hints {
    use super::normalise::fold_entry;
    let mut h = env::signals::Hints::default();
    for (sig, file) in [
        (
            super::Signals::CONTEXT,
            include_str!("data/hints-context.txt"),
        ),
        (
            super::Signals::REASON,
            include_str!("data/hints-reason.txt"),
        ),
        (super::Signals::OFFER, include_str!("data/hints-offer.txt")),
        (super::Signals::PITCH, include_str!("data/hints-pitch.txt")),
    ] {
        for e in super::lists::entries(file) {
            h.insert(sig, &fold_entry(e));
        }
    }
    h
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20000))]
    #[test]
    fn signals_same(parts in prop::collection::vec(prop_oneof![
            Just("met"), Just("Meet you at"), Just("your post"), Just("how can I help"), Just("CV"),
            Just("cvs"), Just("$"), Just("€"), Just("talking"), Just("we  both"), Just("hiring"),
            Just(" "), Just("\n"), Just("-"), Just("x"), Just("é"), Just("@"), Just("a@b.co"), Just("www."),
            Just("HTTP"), Just("bit.ly"), Just("meet"), Just("we"), Just("we help"), Just("event"), Just("É"),
            Just("\u{2028}"), Just("’"), Just("İ"), Just("talk"), Just("Let me know if"), Just("per hour"),
        ], 0..14)) {
        let text = parts.concat();
        let lists = super::lists::Prepared::new(&super::Lists::default());
        let old = old_hints();
        let mut h1 = Vec::new();
        let mut h2 = Vec::new();
        let a = super::signals::find(&lists.hints, &text, &mut String::new(), Some(&mut h1));
        let b = env::signals::find(&old, &text, &mut String::new(), Some(&mut h2));
        prop_assert_eq!(a, b);
        prop_assert_eq!(h1, h2);
        let c = super::signals::find(&lists.hints, &text, &mut String::new(), None);
        prop_assert_eq!(c, b);
    }
}
