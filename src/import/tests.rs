//! Unit tests of the import: formats, encodings, errors, and the chunked
//! and fast paths checked against the careful one.

use super::rows::{
    Overlong, QuoteFault, check_quotes, looks_day_first, max_fields, overlong_lines,
};
use super::sent_at::linkedin_form;
use super::*;
use chrono::{NaiveDate, NaiveDateTime, Timelike};

/// Whether a record read from its start ends outside quotes: what says
/// that a chunk was cut inside a note. (A wrong "no" costs only a
/// second reading, so no output test can see one.)
#[test]
fn a_record_ends_outside_quotes_or_not() {
    for (raw, ends) in [
        (&b"a,b\n"[..], true),
        // The text ran out: the record may go on.
        (b"a,b", false),
        (b"a,b\r\n\n", true),
        (b"a,\"b\nc\"\n", true),
        (b"a,\"say \"\"hi\"\"\"\n", true),
        (b"", true),
        (b"a,\"b\n", false),
        (b"a,\"b\nc", false),
        (b"a,\"b\"\"\n", false),
        // A second record after the first: not one record.
        (b"a,b\nc,d\n", false),
    ] {
        assert_eq!(
            ends_outside_quotes(raw),
            ends,
            "{}",
            String::from_utf8_lossy(raw)
        );
    }
}

fn dt(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .and_hms_opt(h, min, 0)
        .unwrap()
}

#[test]
fn parses_linkedin_dates() {
    assert_eq!(
        parse_sent_at("7/8/26, 3:43 PM"),
        Some(dt(2026, 7, 8, 15, 43))
    );
    assert_eq!(
        parse_sent_at("12/20/26, 12:01 AM"),
        Some(dt(2026, 12, 20, 0, 1))
    );
    assert_eq!(
        parse_sent_at("12/20/26, 12:01 PM"),
        Some(dt(2026, 12, 20, 12, 1))
    );
    assert_eq!(
        parse_sent_at("7/8/2026, 3:43 PM"),
        Some(dt(2026, 7, 8, 15, 43))
    );
    assert_eq!(
        parse_sent_at("7/8/26, 3:43\u{202f}PM"),
        Some(dt(2026, 7, 8, 15, 43))
    );
    assert_eq!(
        parse_sent_at("7/8/26, 3:43\u{a0}pm"),
        Some(dt(2026, 7, 8, 15, 43))
    );
    assert_eq!(
        parse_sent_at("7/8/26, 3:43PM"),
        Some(dt(2026, 7, 8, 15, 43))
    );
    assert_eq!(
        parse_sent_at("7/8/26, 3:43:59 PM"),
        dt(2026, 7, 8, 15, 43).checked_add_signed(chrono::TimeDelta::seconds(59))
    );
    assert_eq!(
        parse_sent_at("7/8/2026 15:43"),
        Some(dt(2026, 7, 8, 15, 43))
    );
    assert_eq!(parse_sent_at("7/8/26"), Some(dt(2026, 7, 8, 0, 0)));
}

proptest::proptest! {
    /// The byte-by-byte reading of LinkedIn's form agrees with the
    /// general one wherever it answers.
    #[test]
    fn linkedin_form_agrees(s in "[0-9]{1,3}/[0-9]{1,3}/[0-9]{1,5}, [0-9]{1,3}:[0-9]{1,3} [AP]M", t in "[0-9/:, APM]{0,20}") {
        for s in [s.as_str(), t.as_str()] {
            if let Some(fast) = linkedin_form(s.as_bytes()) {
                let general = parse_sent_at(&format!(" {s}"));
                proptest::prop_assert_eq!(Some(fast), general, "{:?}", s);
            }
        }
    }

    /// Reading a run of rows with the last date kept gives what reading
    /// each on its own gives, whatever repeats, changes or breaks.
    #[test]
    fn sent_at_reader_agrees(rows in proptest::collection::vec(
        proptest::prop_oneof![
            "1[0-2]/[1-3]/(2[5-7]|202[5-7]), (1|12):0[0-5] [AP]M",
            "[0-9]{1,3}/[0-9]{1,3}/[0-9]{1,5}, [0-9]{1,3}:[0-9]{1,3} [AP]M",
            "[0-9/:, APMT-]{0,20}",
            "1/2/26,[ ,]{0,2}3:0[0-9]( PM)?",
        ],
        0..40,
    )) {
        let mut reader = SentAtReader::default();
        for s in &rows {
            proptest::prop_assert_eq!(reader.parse(s, 2, &mut Default::default()), parse_sent_at(s), "{:?}", s);
        }
    }
}

/// The fast path of [`parse_sent_at`] takes LinkedIn's own form, and
/// leaves every other form (or a broken one) to the general reading.
#[test]
fn the_fast_path_takes_linkedins_form_only() {
    for (s, expected) in [
        ("7/8/26, 3:43 PM", dt(2026, 7, 8, 15, 43)),
        ("12/31/2026, 11:59 AM", dt(2026, 12, 31, 11, 59)),
        ("10/10/26, 12:00 PM", dt(2026, 10, 10, 12, 0)),
        ("1/1/26, 12:05 AM", dt(2026, 1, 1, 0, 5)),
    ] {
        assert_eq!(linkedin_form(s.as_bytes()), Some(expected), "{s}");
    }
    for s in [
        "2026-07-08T15:43",
        "7/8/2026 15:43",
        "7/8/26, 3:43PM",
        "7/8/26, 3:43 PM ",
        "123/8/26, 3:43 PM",
        "7/8/265, 3:43 PM",
        "7/008/26, 3:43 PM",
        "7/8/26, 3:043 PM",
        "7/8/2, 3:43 PM",
        "7-8/26, 3:43 PM",
        "7/8/26, 13:43 PM",
        "7/8/26, 0:43 AM",
        "7/8/26, 3:4 PM",
        "7/8/26, 3:434 PM",
        "2/30/26, 3:43 PM",
    ] {
        assert_eq!(linkedin_form(s.as_bytes()), None, "{s}");
    }
}

#[test]
fn sent_at_reader_rereads_a_changed_date() {
    let mut reader = SentAtReader::default();
    // In order: a repeat, a longer date part that starts with the last,
    // a bad clock, no comma, a new day, a date that is not one, and a
    // date part differing only in its last byte.
    for (s, want) in [
        ("7/8/26, 3:43 PM", Some("2026-07-08 15:43:00")),
        ("7/8/26, 9:05 AM", Some("2026-07-08 09:05:00")),
        ("7/8/2026, 9:05 AM", Some("2026-07-08 09:05:00")),
        ("7/8/26, 13:05 AM", None),
        ("7/8/26 15:43", Some("2026-07-08 15:43:00")),
        ("7/9/26, 12:00 AM", Some("2026-07-09 00:00:00")),
        ("2/30/26, 1:00 AM", None),
        ("7/9/26, 1:00 PM", Some("2026-07-09 13:00:00")),
        ("7/9/27, 1:00 PM", Some("2027-07-09 13:00:00")),
    ] {
        let got = reader
            .parse(s, 2, &mut Default::default())
            .map(|d| d.to_string());
        assert_eq!(got.as_deref(), want, "{s}");
    }
    // Its own fast path took the LinkedIn form, the repeat included.
    assert_eq!(
        reader.linkedin_form(b"7/9/27, 2:00 PM"),
        Some(dt(2027, 7, 9, 14, 0))
    );
    assert_eq!(reader.linkedin_form(b"7/9/27 14:00"), None);
}

#[test]
fn parses_iso_dates() {
    assert_eq!(
        parse_sent_at("2026-07-08T15:43:00"),
        Some(dt(2026, 7, 8, 15, 43))
    );
    assert_eq!(parse_sent_at("2026-07-08"), Some(dt(2026, 7, 8, 0, 0)));
}

/// A time with an offset is an instant, shown in this machine's local time
/// (whatever zone the tests run in).
#[test]
fn iso_offsets_become_local_time() {
    let at_utc = |h, m| {
        let t = chrono::NaiveDate::from_ymd_opt(2026, 7, 8)
            .and_then(|d| d.and_hms_opt(h, m, 0))
            .map(|t| t.and_utc().with_timezone(&chrono::Local).naive_local());
        assert!(t.is_some());
        t
    };
    for (text, utc) in [
        ("2026-07-08 15:43:00 UTC", (15, 43)),
        ("2026-07-08 15:43:00 utc", (15, 43)),
        ("2026-07-08 15:43 GMT", (15, 43)),
        ("2026-07-08T15:43Z", (15, 43)),
        ("2026-07-08T15:43:00.250z", (15, 43)),
        ("2026-07-08T17:43:00+02:00", (15, 43)),
        ("2026-07-08T17:43:00+0200", (15, 43)),
        ("2026-07-08 10:43:00-05", (15, 43)),
        ("2026-07-08T10:13-05:30", (15, 43)),
    ] {
        let got = parse_sent_at(text).map(|t| t.with_nanosecond(0).unwrap_or(t));
        assert_eq!(got, at_utc(utc.0, utc.1), "{text}");
    }
    // The reviewer's case: 04:30 UTC is after 02:00 UTC, written either way.
    assert!(parse_sent_at("2026-07-31T23:30:00-05:00") > parse_sent_at("2026-08-01T02:00:00Z"));
    assert_eq!(parse_sent_at("2026-07-08T15:43:60"), None);
    assert_eq!(parse_sent_at("2026-07-08T15:43:00+25:00"), None);
}

#[test]
fn rejects_bad_dates() {
    for bad in [
        "",
        "yesterday",
        "13/1/26, 1:00 PM",
        "2/30/26, 1:00 PM",
        "7/8/226, 1:00 PM",
        "7/8/26, 25:00 PM",
        "7/8/26, 13:00 PM",
        "7/8/26, 0:10 AM",
        "7/8/26, 3:43 XM",
        "7/8/26, 3:4 PM",
        "7/8/26, 24:00",
        "+7/8/26, 3:43 PM",
        "7/+8/26, 3:43 PM",
        "7/8/26/1, 3:43 PM",
        "7/8/+6, 3:43 PM",
        "7/8/26, 3:43:7 PM",
        "7/8/26, 3:43:07:01 PM",
    ] {
        assert_eq!(parse_sent_at(bad), None, "{bad:?}");
    }
}

const H: &str = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n";

fn row(n: usize, note: &str) -> String {
    format!(
        "Person {n},Colleen Ruiz,\"11/{}/26, 4:02 PM\",{note},INCOMING,https://www.linkedin.com/in/p{n},https://www.linkedin.com/in/colleen\n",
        n % 28 + 1
    )
}

/// Reads `s` as `t.csv`, at [`now`].
fn load_str(s: &str) -> Import {
    load_bytes_with("t.csv", s.as_bytes(), None, Plan::default(), now()).unwrap()
}

/// The time the tests read exports at, as the command-line tests pin it.
fn now() -> NaiveDateTime {
    dt(2026, 11, 25, 12, 0)
}

/// The line of an invitation from `name` without a note, sent at `sent`
/// (the cell as written), with `tail` after its last field.
fn received(name: &str, sent: &str, tail: &str) -> String {
    format!(
        "{name},Colleen Ruiz,{sent},,INCOMING,https://www.linkedin.com/in/{name},https://www.linkedin.com/in/c{tail}\n"
    )
}

fn lines(import: &Import) -> Vec<u32> {
    import.invitations.iter().map(|i| i.line).collect()
}

#[test]
fn reads_rows_with_their_lines() {
    let text = format!(
        "{H}{}{}\"\"\n{}",
        row(1, ""),
        row(2, "\"Hi, you\nthere\""),
        row(3, "x")
    );
    let i = load_str(&text);
    assert_eq!(lines(&i), vec![2, 3, 6]);
    assert_eq!(i.invitations[1].message(), "Hi, you\nthere");
    assert!(i.skipped.is_empty(), "{:?}", i.skipped);
}

#[test]
fn lines_count_crlf_blank_lines_and_lone_cr() {
    let text = format!("{H}{}\n{}{}", row(1, ""), row(2, "\"a\nb\""), row(3, ""));
    assert_eq!(lines(&load_str(&text)), vec![2, 4, 6]);
    let crlf = text.replace('\n', "\r\n");
    assert_eq!(lines(&load_str(&crlf)), vec![2, 4, 6]);
    let cr = text.replace('\n', "\r");
    assert_eq!(lines(&load_str(&cr)), vec![2, 4, 6]);
    assert_eq!(load_str(&cr).invitations[1].message(), "a\nb");
    // In UTF-16 too, with a byte-order mark or without (every row was on
    // line 1).
    let le: Vec<u8> = cr.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = cr.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for bytes in [
        [&[0xFF, 0xFE][..], &le].concat(),
        [&[0xFE, 0xFF][..], &be].concat(),
        le,
        be,
    ] {
        assert_eq!(lines(&load_bytes("t.csv", &bytes).unwrap()), vec![2, 4, 6]);
    }
}

/// A lone `\r` ends a line beside `\n`s too, as an editor shows it:
/// Excel for Mac ends records in `\r` and lines inside notes in `\n`, and
/// a stray `\r` may end one record of a CRLF file. The lines are the same
/// on every path and however the file is cut, though chunks are cut at
/// `\n`s only and their lines counted by `\n`s first.
#[test]
fn lines_count_a_lone_cr_beside_lf() {
    let mac = format!(
        "{H}{}{}{}{}",
        row(1, "\"we met\nat X\""),
        row(2, ""),
        row(3, "\"a\nb\""),
        row(4, "")
    )
    .replace(
        ",https://www.linkedin.com/in/colleen\n",
        ",https://www.linkedin.com/in/colleen\r",
    );
    assert!(mac.contains('\n'));
    let i = load_str(&mac);
    assert_eq!(lines(&i), vec![2, 4, 5, 7]);
    assert_eq!(i.invitations[2].message(), "a\nb");
    // A stray `\r` in a CRLF file, a duplicate and a bad date after it.
    let crlf = format!(
        "{H}{}{}{}{}",
        row(1, ""),
        row(2, ""),
        row(2, ""),
        row(3, "")
    )
    .replace('\n', "\r\n")
    .replacen("\r\n", "\r", 2)
    .replace("11/4/26", "11/4/2x");
    let i = load_str(&crlf);
    assert_eq!(lines(&i), vec![2, 3]);
    assert_eq!(
        i.duplicates,
        [Duplicate {
            line: 4,
            first_line: 3,
            direction: Direction::Incoming
        }]
    );
    assert_eq!(i.skipped.iter().map(|s| s.line).collect::<Vec<_>>(), [5]);
    // A quote left open after lone `\r`s names its lines in every
    // chunking, the chunks after the `\r`s moved down by them.
    let open = format!(
        "{H}{}{}{}{}",
        row(1, ""),
        row(2, ""),
        row(5, "\"open"),
        row(6, "")
    )
    .replacen(
        ",https://www.linkedin.com/in/colleen\n",
        ",https://www.linkedin.com/in/colleen\r",
        2,
    );
    let i = load_str(&open);
    assert_eq!(lines(&i), vec![2, 3, 5]);
    assert_eq!(
        i.skipped,
        [RowError {
            line: 4,
            reason: "a quote (\") opens a field on this line and is never closed; line 5, which it ran into, was read on its own".to_string(),
            id: None,
        }]
    );
    for text in [&mac, &crlf, &open] {
        for chunk_len in 1..text.len() {
            properties::same_every_way(text.as_bytes(), chunk_len, 2);
        }
    }
}

/// A year LinkedIn cannot have written (before it began in 2003, or past
/// 2099; `99` is 1999) is a damaged row, skipped and named: read, it would put the
/// oldest invitation 2,000 years back and count months over millennia.
#[test]
fn a_year_before_linkedin_or_past_2099_is_a_bad_date() {
    let text = format!(
        "{H}A,Colleen Ruiz,\"1/1/1900, 3:43 PM\",,INCOMING,,\n\
         B,Colleen Ruiz,0000-01-01T00:00:00,,INCOMING,,\n\
         C,Colleen Ruiz,9999-01-01T00:00:00,,INCOMING,,\n\
         D,Colleen Ruiz,\"5/20/03, 9:00 AM\",,INCOMING,,\n\
         E,Colleen Ruiz,\"1/1/99, 9:00 AM\",,INCOMING,,\n\
         F,Colleen Ruiz,\"1/1/2099, 9:00 AM\",,INCOMING,,\n\
         G,Colleen Ruiz,\"1/1/68, 9:00 AM\",,INCOMING,,\n"
    );
    let i = load_str(&text);
    let skipped: Vec<(u64, &str)> = i
        .skipped
        .iter()
        .map(|s| (s.line, s.reason.as_str()))
        .collect();
    assert_eq!(
        skipped,
        [
            (
                2,
                "Sent At is `1/1/1900, 3:43 PM`, in the year 1900; expected a date from 2003, when LinkedIn began, to 2099"
            ),
            (
                3,
                "Sent At is `0000-01-01T00:00:00`, in the year 0; expected a date from 2003, when LinkedIn began, to 2099"
            ),
            (
                4,
                "Sent At is `9999-01-01T00:00:00`, in the year 9999; expected a date from 2003, when LinkedIn began, to 2099"
            ),
            // Two digits read as POSIX's `%y`: 69 to 99 are 19xx.
            (
                6,
                "Sent At is `1/1/99, 9:00 AM`, in the year 1999; expected a date from 2003, when LinkedIn began, to 2099"
            ),
        ]
    );
    assert_eq!(lines(&i), vec![5, 7, 8], "2003, 2099 and 2068 are in");
}

/// An empty `Sent At` is said to be empty: "Sent At is ``" read as a
/// glitch.
#[test]
fn an_empty_date_is_said_to_be_empty() {
    let i = load_str(&format!(
        "{H}A,Colleen Ruiz,,,INCOMING,,\nB,Colleen Ruiz,\" \",,INCOMING,,\n"
    ));
    let skipped: Vec<&str> = i.skipped.iter().map(|s| s.reason.as_str()).collect();
    let want = "Sent At is empty; expected a date like `7/8/26, 3:43 PM` or `2026-07-08T15:43:00`";
    assert_eq!(skipped, [want, want]);
    // A Direction the same way.
    let i = load_str(&format!(
        "{H}A,Colleen Ruiz,\"7/8/26, 3:43 PM\",,,,\nB,Colleen Ruiz,\"7/8/26, 3:43 PM\",, ,,\n"
    ));
    let skipped: Vec<&str> = i.skipped.iter().map(|s| s.reason.as_str()).collect();
    let want = "Direction is empty; expected INCOMING or OUTGOING";
    assert_eq!(skipped, [want, want]);
}

/// A date that looks like one but names no day of the calendar in either
/// order says so; one that is no date at all does not.
#[test]
fn a_date_no_calendar_has_is_said() {
    let i = load_str(&format!(
        "{H}A,Colleen Ruiz,30/02/2026 10:00,,INCOMING,,\n\
         B,Colleen Ruiz,2026-02-30T10:00:00,,INCOMING,,\n\
         C,Colleen Ruiz,\"2/30/26, 3:43 PM\",,INCOMING,,\n\
         D,Colleen Ruiz,yesterday,,INCOMING,,\n\
         E,Colleen Ruiz,\"7/8/26, 3:43 PM\",,INCOMING,,\n"
    ));
    let skipped: Vec<&str> = i.skipped.iter().map(|s| s.reason.as_str()).collect();
    let tail = "; expected a date like `7/8/26, 3:43 PM` or `2026-07-08T15:43:00`";
    assert_eq!(
        skipped,
        [
            format!("Sent At is `30/02/2026 10:00`, a day no calendar has{tail}"),
            format!("Sent At is `2026-02-30T10:00:00`, a day no calendar has{tail}"),
            format!("Sent At is `2/30/26, 3:43 PM`, a day no calendar has{tail}"),
            format!("Sent At is `yesterday`{tail}"),
        ]
    );
    assert_eq!(lines(&i), vec![6]);
}

/// A month over 12, in the place of the month whichever order the date
/// is read in, is the fault named, not the day.
#[test]
fn a_month_out_of_range_is_said() {
    let i = load_str(&format!(
        "{H}A,Colleen Ruiz,\"13/20/26, 3:43 PM\",,INCOMING,,\n\
         B,Colleen Ruiz,2026-13-05T10:00:00,,INCOMING,,\n\
         C,Colleen Ruiz,\"7/8/26, 3:43 PM\",,INCOMING,,\n\
         D,Colleen Ruiz,\"0/5/26, 3:43 PM\",,INCOMING,,\n\
         E,Colleen Ruiz,\"12/32/26, 3:43 PM\",,INCOMING,,\n\
         F,Colleen Ruiz,2026-00-05T10:00:00,,INCOMING,,\n"
    ));
    let skipped: Vec<&str> = i.skipped.iter().map(|s| s.reason.as_str()).collect();
    let tail = "; expected a date like `7/8/26, 3:43 PM` or `2026-07-08T15:43:00`";
    assert_eq!(
        skipped,
        [
            format!(
                "Sent At is `13/20/26, 3:43 PM`, whose month is out of range (neither 13 nor 20 is 1 to 12){tail}"
            ),
            format!(
                "Sent At is `2026-13-05T10:00:00`, whose month is out of range (13 is not 1 to 12){tail}"
            ),
            // A 0, and a day past 31.
            format!("Sent At is `0/5/26, 3:43 PM`, with a 0 for its day or month{tail}"),
            format!("Sent At is `12/32/26, 3:43 PM`, a day no calendar has{tail}"),
            format!("Sent At is `2026-00-05T10:00:00`, with a 0 for its day or month{tail}"),
        ]
    );
    assert_eq!(lines(&i), vec![4]);
}

#[test]
fn a_broken_quote_is_reported_and_the_swallowed_rows_read_again() {
    // Row 3's note opens a quote and never closes it: the csv crate reads
    // row 4 into it, up to the quote before row 4's date.
    let text = format!(
        "{H}{}{}{}{}",
        row(1, ""),
        row(2, "\"Hi, great talk"),
        row(3, ""),
        row(4, "")
    );
    for text in [text.clone(), text.replace('\n', "\r\n")] {
        let i = load_str(&text);
        assert_eq!(lines(&i), vec![2, 4, 5], "{:?}", i.skipped);
        assert_eq!(i.skipped.len(), 1);
        assert_eq!(i.skipped[0].line, 3);
        assert!(
            i.skipped[0].reason.contains("never closed"),
            "{}",
            i.skipped[0].reason
        );
        assert!(
            i.skipped[0].reason.contains("line 4"),
            "{}",
            i.skipped[0].reason
        );
    }
}

#[test]
fn a_broken_quote_that_makes_a_whole_row_is_still_caught() {
    // Unquoted dates: the open quote of row 2 runs to the quote of row
    // 3's note, and the csv crate makes seven fields of the two rows.
    let text = format!(
        "{H}A,B,2026-07-08T15:43,\"Hi there,INCOMING,u1,u2\nC,D,2026-07-08T15:43,\"Nice to meet you\",INCOMING,u3,u4\nE,F,2026-07-08T15:43,,INCOMING,u5,u6\n"
    );
    let i = load_str(&text);
    assert_eq!(lines(&i), vec![3, 4], "{:?}", i.skipped);
    assert_eq!(
        i.skipped.iter().map(|s| s.line).collect::<Vec<_>>(),
        vec![2]
    );
}

#[test]
fn a_quote_open_to_the_end_of_the_file_recovers_the_rest() {
    let text = format!(
        "{H}A,B,2026-07-08T15:43,\"Hi there,INCOMING,u1,u2\nC,D,2026-07-08T15:43,,INCOMING,u3,u4\nE,F,2026-07-08T15:43,,INCOMING,u5,u6\n"
    );
    let i = load_str(&text);
    assert_eq!(lines(&i), vec![3, 4], "{:?}", i.skipped);
    assert!(
        i.skipped[0].reason.contains("lines 3–4"),
        "{}",
        i.skipped[0].reason
    );
}

#[test]
fn an_unclosed_quote_on_the_last_line_is_named() {
    let text = format!("{H}{}A,B,\"7/8/26, 3:43 PM\",\"Hi there", row(1, ""));
    let i = load_str(&text);
    assert_eq!(i.invitations.len(), 1);
    assert_eq!(i.skipped[0].line, 3);
    assert!(
        i.skipped[0].reason.contains("never closed"),
        "{}",
        i.skipped[0].reason
    );
}

#[test]
fn a_stray_quote_inside_a_long_note_keeps_the_row() {
    let text = format!("{H}{}", row(1, "\"Line one\nI said \"hi\" there\""));
    let i = load_str(&text);
    assert_eq!(i.invitations.len(), 1, "{:?}", i.skipped);
}

#[test]
fn check_quotes_tells_the_faults() {
    assert_eq!(check_quotes(b"a,\"b\nc\",d\n"), None);
    assert_eq!(check_quotes(b"a,\"b \"\"c\"\"\",d\n"), None);
    assert_eq!(
        check_quotes(b"a,\"b\nc,\"d"),
        Some(QuoteFault {
            open: 2,
            unclosed: false
        })
    );
    assert_eq!(
        check_quotes(b"a,\"b\nc,d"),
        Some(QuoteFault {
            open: 2,
            unclosed: true
        })
    );
}

#[test]
fn header_in_any_order_with_extra_columns_and_bom() {
    let text = "\u{feff}Direction,Extra,Message,Sent At,To,From\nOUTGOING,x,\"Hi, \"\"you\"\"\",2026-07-08T15:43,B,A\n";
    let i = load_str(text);
    assert_eq!(i.encoding, TextEncoding::Utf8Bom);
    assert_eq!(i.invitations[0].message(), "Hi, \"you\"");
    assert_eq!(i.invitations[0].from(), "A");
    assert_eq!(i.invitations[0].direction, Direction::Outgoing);
    assert!(i.without_profile_urls);
}

/// `text` in Windows-1252, as an old spreadsheet saves it.
fn cp1252(text: &str) -> Vec<u8> {
    encoding_rs::WINDOWS_1252.encode(text).0.into_owned()
}

#[test]
fn encodings() {
    let text = format!("{H}Ren\u{e9} Ngo,B,\"7/8/26, 3:43 PM\",,INCOMING,u1,u2\n");
    let utf16le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let utf16be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let cases: Vec<(Vec<u8>, TextEncoding)> = vec![
        (text.as_bytes().to_vec(), TextEncoding::Utf8),
        (
            [&[0xFF, 0xFE][..], &utf16le].concat(),
            TextEncoding::Utf16Le,
        ),
        (
            [&[0xFE, 0xFF][..], &utf16be].concat(),
            TextEncoding::Utf16Be,
        ),
        (utf16le, TextEncoding::Utf16LeNoBom),
        (utf16be, TextEncoding::Utf16BeNoBom),
    ];
    for (bytes, encoding) in cases {
        let i = load_bytes("t.csv", &bytes).unwrap();
        assert_eq!(i.encoding, encoding);
        assert_eq!(i.invitations[0].from(), "Ren\u{e9} Ngo", "{encoding:?}");
        // Only a guess at the encoding is worth a notice.
        let expected: &[&str] = match encoding {
            TextEncoding::Utf16LeNoBom => {
                &["t.csv: the file has no byte-order mark; read it as UTF-16LE"]
            }
            TextEncoding::Utf16BeNoBom => {
                &["t.csv: the file has no byte-order mark; read it as UTF-16BE"]
            }
            _ => &[],
        };
        assert_eq!(i.notices(), expected, "{encoding:?}");
    }
    let i = load_bytes("t.csv", &cp1252(&text)).unwrap();
    assert_eq!(i.encoding, TextEncoding::Windows1252Fallback);
    assert_eq!(i.invitations[0].from(), "Ren\u{e9} Ngo");
    assert!(i.notices()[0].contains("Windows-1252"));
}

#[test]
fn a_source_names_itself() {
    let path = |p: &str| Source::from_arg(Some(PathBuf::from(p)));
    assert_eq!(Source::from_arg(None).short_name(), "sample");
    assert_eq!(path("-").short_name(), "standard input");
    assert_eq!(path("dir/Invitations.csv").short_name(), "Invitations.csv");
    assert_eq!(path("/").short_name(), "/");
    assert_eq!(
        path("dir/Invitations.csv").to_string(),
        "dir/Invitations.csv"
    );
    assert_eq!(Source::Sample.to_string(), SAMPLE_NAME);
}

/// A file with a BOM says it is UTF-8: a row that is mostly UTF-8 but for
/// a character cut keeps its accents, with U+FFFD for the cut one; a row
/// with no UTF-8 is read as Windows-1252.
#[test]
fn bad_bytes_in_a_file_with_a_bom_are_replaced() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(H.as_bytes());
    bytes.extend_from_slice("Zo\u{eb} M\u{fc}ller,B,2026-07-08T15:43,Caf\u{e9} ".as_bytes());
    bytes.extend_from_slice(b"\xC3,INCOMING,u1,u2\n");
    let i = load_bytes("t.csv", &bytes).unwrap();
    assert_eq!(i.invitations[0].from(), "Zo\u{eb} M\u{fc}ller");
    assert_eq!(i.invitations[0].message(), "Caf\u{e9} \u{fffd}");
    assert_eq!(i.replaced_rows, 1);
    assert_eq!(
        i.notices(),
        [
            "t.csv: 1 row holds bytes that are not UTF-8 (line 2) although the file says it is; shown as \u{fffd}"
        ]
    );
    bytes.extend_from_slice(b"Ana,B,2026-07-09T15:43,\xC3\xA9\xFF,INCOMING,u3,u2\n");
    let i = load_bytes("t.csv", &bytes).unwrap();
    assert_eq!(i.replaced_rows, 2);
    assert!(i.notices()[0].starts_with("t.csv: 2 rows hold bytes that are not UTF-8"));
    bytes.extend_from_slice(b"Ren\xE9,B,2026-07-10T15:43,,INCOMING,u4,u2\n");
    let i = load_bytes("t.csv", &bytes).unwrap();
    assert_eq!(i.invitations[2].from(), "Ren\u{e9}");
    assert_eq!((i.replaced_rows, i.windows_1252_rows.count), (2, 1));
}

/// Windows-1252 is well-formed UTF-8 by chance where `Â` meets a curly
/// quote, a dash or `…` (`VOILÂ…` is bytes C2 85, a C1 control in UTF-8):
/// that is no UTF-8 to weigh, and the row is Windows-1252, not UTF-8 with
/// U+FFFD for the quote that opened it.
#[test]
fn windows_1252_that_is_utf8_by_chance_is_windows_1252() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(H.as_bytes());
    bytes.extend_from_slice(&cp1252(
        "Ana,B,2026-07-08T15:43,\u{201c}VOIL\u{c2}\u{2026}\u{201d} said hi,INCOMING,u1,u2\n",
    ));
    let i = load_bytes("t.csv", &bytes).unwrap();
    assert_eq!(
        i.invitations[0].message(),
        "\u{201c}VOIL\u{c2}\u{2026}\u{201d} said hi"
    );
    assert_eq!(
        i.notices(),
        [
            "t.csv: 1 row is not UTF-8 (line 2) although the file says it is; read it as Windows-1252 (check the names in it)"
        ]
    );
}

/// Half an emoji in UTF-16 (a surrogate without its other half) reads as
/// U+FFFD, and a notice says so with its line, as for bytes that are not
/// UTF-8.
#[test]
fn what_is_not_utf16_in_a_utf16_file_is_told_of() {
    let text = format!(
        "{H}Ana,B,\"7/8/26, 3:43 PM\",Hi,INCOMING,u1,u2\nBo,B,\"7/8/26, 3:44 PM\",\"Met\nat X\",INCOMING,u3,u2\n"
    );
    let mut units: Vec<u16> = text.encode_utf16().collect();
    // Line 4 (the note's second line): "at X" becomes "at " and a lone
    // high surrogate.
    let x = units.iter().position(|&u| u == u16::from(b'X')).unwrap();
    units[x] = 0xD83D;
    let le: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
    let i = load_bytes("t.csv", &[&[0xFF, 0xFE][..], &le].concat()).unwrap();
    assert_eq!(i.invitations[1].message(), "Met\nat \u{fffd}");
    assert_eq!(
        i.notices(),
        [
            "t.csv: 1 character is not UTF-16 (line 4) although the file says it is (half of an emoji?); shown as \u{fffd}"
        ]
    );
    // Without a byte-order mark, and a lone low surrogate too.
    units.push(0xDE00);
    let be: Vec<u8> = units.iter().flat_map(|u| u.to_be_bytes()).collect();
    let i = load_bytes("t.csv", &be).unwrap();
    assert_eq!(i.encoding, TextEncoding::Utf16BeNoBom);
    assert_eq!(
        i.notices()[1],
        "t.csv: 2 characters are not UTF-16 (the first on line 4) although the rest of the file is (half of an emoji?); shown as \u{fffd}"
    );
}

/// A CSV of invitations named .zip (saved or renamed so) is read by what
/// it holds, as a zip named .csv is, and said; one that shows an export's
/// header but another fault says that fault.
#[test]
fn a_csv_named_zip_is_read_as_the_csv_it_is() {
    let i = load_bytes("Invitations.zip", format!("{H}{}", row(1, "")).as_bytes()).unwrap();
    assert_eq!(i.invitations.len(), 1);
    assert_eq!(
        i.notices(),
        [
            "Invitations.zip: named .zip, but not a zip archive: it is a CSV of invitations, read as one"
        ]
    );
    let e = load_bytes("Invitations.zip", b"From;To;Sent At;Message;Direction\n")
        .unwrap_err()
        .to_string();
    assert!(e.contains("separated by semicolons"), "{e}");
}

#[test]
fn refuses_what_is_not_an_export() {
    let err = |bytes: &[u8]| load_bytes("x.csv", bytes).unwrap_err().to_string();
    assert!(err(b"").contains("x.csv: the file is empty"));
    // An empty .zip is named as the archive it should be.
    let e = load_bytes("x.ZIP", b"").unwrap_err().to_string();
    assert!(
        e.starts_with("x.ZIP: the file is empty; expected LinkedIn's export .zip"),
        "{e}"
    );
    // So is a text file named .zip that is no export, and random bytes.
    for bytes in [&b"notazip\n"[..], b"\n \n", b"\x01\x02\x03\x04\x05\x06"] {
        let e = load_bytes("x.zip", bytes).unwrap_err().to_string();
        assert!(
            e.starts_with("x.zip: named .zip, but not a zip archive"),
            "{e}"
        );
    }
    assert!(err(b"\n \n\n").contains("blank"));
    assert!(err(b"\xEF\xBB\xBF").contains("empty"));
    assert!(err(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").contains("binary"));
    assert!(err(b"\x1f\x8b\x08\0").contains("gzip"));
    // UTF-32, whose mark starts as UTF-16LE's does, is named.
    let utf32: Vec<u8> = "\u{feff}From,To\n"
        .chars()
        .flat_map(|c| (c as u32).to_le_bytes())
        .collect();
    assert!(
        err(&utf32).contains("x.csv: this is UTF-32 text"),
        "{}",
        err(&utf32)
    );
    let utf32: Vec<u8> = "\u{feff}From,To\n"
        .chars()
        .flat_map(|c| (c as u32).to_be_bytes())
        .collect();
    assert!(err(&utf32).contains("UTF-32"));
    assert!(err(b"<!DOCTYPE html><html>").contains("web page"));
    let e = err(b"Notes:\n\"When exporting, some e-mail addresses are missing.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
    assert!(e.contains("Connections.csv"), "{e}");
    assert!(err(b"Name\nRust\n").contains("LinkedIn's Skills.csv"));
    let e = err(b"Name,Email\nAda,ada@example.com\n");
    assert!(
        e.contains("line 1: the header lacks the columns") && !e.contains("Skills"),
        "a list with a Name column is not taken for Skills.csv: {e}"
    );
    let e = err(b"From,To,Date,Message\n");
    assert!(
        e.contains("line 1: the header lacks the columns Sent At, Direction"),
        "{e}"
    );
    let e = err(b"From;To;Sent At;Message;Direction\n");
    assert!(
        e.contains("line 1: the columns are separated by semicolons"),
        "{e}"
    );
    // After a `Notes:` line that lacks as many columns: the semicolons are
    // what to report, on the header's line.
    let e = err(b"Notes:\nFrom;To;Sent At;Message;Direction\nx;y\n");
    assert!(
        e.contains("line 2: the columns are separated by semicolons"),
        "{e}"
    );
    let e = err(b"A,B,\"7/8/26, 3:43 PM\",,INCOMING,u,v\n");
    assert!(
        e.contains("line 1: this is an invitation, not the header"),
        "{e}"
    );
    // A header in another language, before an invitation as wide: the
    // header is named, not the invitation.
    let e =
        err(b"Von,An,Gesendet am,Nachricht,Richtung,u,v\nA,B,\"7/8/26, 3:43 PM\",,INCOMING,u,v\n");
    assert!(
        e.contains("line 1: the header lacks the columns From, To, Sent At, Message, Direction (found: Von,An,Gesendet am,"),
        "{e}"
    );
    // No header at all, the first line an invitation its date hides: a
    // Direction says it is no header.
    let e = err(b"A,B,25/11/2026 14:05,,INCOMING,u,v\nA,B,\"7/8/26, 3:43 PM\",,INCOMING,u,v\n");
    assert!(e.contains("this is an invitation, not the header"), "{e}");
}

/// Column names are matched by their letters and digits in any case: a
/// spreadsheet's `Sent_At` or `Inviter Profile Url` is LinkedIn's column.
#[test]
fn renamed_columns_are_found() {
    let i = load_str(
        "FROM,to,Sent_At,Message,direction,Inviter Profile Url,invitee-profile-url\n\
         Ann Lee,Me,\"7/8/26, 3:43 PM\",,INCOMING,https://www.linkedin.com/in/ann,https://www.linkedin.com/in/me\n",
    );
    assert!(!i.without_profile_urls);
    assert_eq!(i.invitations.len(), 1);
    assert_eq!(
        i.invitations[0].inviter_url(),
        "https://www.linkedin.com/in/ann"
    );
    // Beside LinkedIn's own name, a renamed one someone added is not read.
    let i = load_str(
        "From,To,Sent_At,Sent At,Message,Direction\n\
         Ann Lee,Me,,\"7/8/26, 3:43 PM\",,INCOMING\n",
    );
    assert_eq!(i.invitations.len(), 1, "{:?}", i.skipped);
}

/// Of the lines that could have been the header, the error names the
/// one nearest to it (the first of those as near), at its own line.
#[test]
fn a_header_error_names_the_nearest_line() {
    let err = |text: &str| {
        load_bytes("x.csv", text.as_bytes())
            .unwrap_err()
            .to_string()
    };
    let lacks = |line: u32, columns: &str, found: &str| {
        format!(
            "x.csv: line {line}: the header lacks the {columns} (found: {found}); \
                 expected LinkedIn's Invitations.csv, whose header is {}",
            H.trim_end()
        )
    };
    assert_eq!(
        err("From,To,Date,Message\nFrom,To,When,Message\n"),
        lacks(1, "columns Sent At, Direction", "From,To,Date,Message")
    );
    assert_eq!(
        err("From,To\nFrom,To,Sent At,Message\n"),
        lacks(2, "column Direction", "From,To,Sent At,Message")
    );
    // Blank lines before it count.
    assert_eq!(
        err("\n\r\n\nFrom,To,Date,Message\n"),
        lacks(4, "columns Sent At, Direction", "From,To,Date,Message")
    );
    // A semicolon in a field, or a direction without a date, says
    // nothing of the separator or a missing header.
    assert_eq!(
        err("From,To,Date,Message;x\n"),
        lacks(
            1,
            "columns Sent At, Message, Direction",
            "From,To,Date,Message;x"
        )
    );
    assert_eq!(
        err("From,To,Date,INCOMING\n"),
        lacks(
            1,
            "columns Sent At, Message, Direction",
            "From,To,Date,INCOMING"
        )
    );
}

/// Ids are made from both profile URLs; with either column missing,
/// from names and dates, and the user is told.
#[test]
fn one_profile_url_column_is_not_enough() {
    for (url, other) in [
        ("inviterProfileUrl", "inviteeProfileUrl"),
        ("inviteeProfileUrl", "inviterProfileUrl"),
    ] {
        let text =
            format!("From,To,Sent At,Message,Direction,{url}\nA,B,2026-07-08T15:43,,INCOMING,u\n");
        let i = load_str(&text);
        assert!(i.without_profile_urls, "{url}");
        assert_eq!(
            i.notices(),
            [format!(
                "t.csv: no `{other}` column; invitations are told apart by name and date"
            )]
        );
    }
    assert!(!load_str(&format!("{H}{}", row(1, ""))).without_profile_urls);
}

/// A quote left open in the header is named, not taken for missing
/// columns, read in one piece or in chunks, whether lines follow or not.
#[test]
fn a_quote_left_open_in_the_header_is_named() {
    let open = H.replacen("Sent At", "\"Sent At", 1);
    let expected = format!(
        "x.csv: line 2: the quote (\") before “Sent At” in the header is never closed, so all \
             that follows it reads as one column; expected LinkedIn's Invitations.csv, whose \
             header is {}",
        H.trim_end()
    );
    // Opened before an optional column, the quote leaves every needed one
    // in the header, which then swallowed the first row without a word.
    let optional = H.replacen("inviteeProfileUrl", "\"inviteeProfileUrl", 1);
    let e = load_bytes(
        "x.csv",
        format!("{optional}{}{}", row(1, ""), row(2, "\"q\"")).as_bytes(),
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .starts_with("x.csv: line 1: the quote (\") before “inviteeProfileUrl” in the header"),
        "{e}"
    );
    // After a `Notes:` line, which lacks as many columns, it is still the
    // quote that is named.
    let e = load_bytes("x.csv", format!("Notes:\n{open}").as_bytes()).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("x.csv: line 2: the quote (\") before “Sent At”"),
        "{e}"
    );
    for text in [
        format!("\n{open}"),
        format!("\n{open}{}{}", row(1, ""), row(2, "\"quoted\"")),
    ] {
        for (chunk_len, in_place) in [(usize::MAX, true), (1, false), (usize::MAX, false)] {
            let plan = Plan {
                chunk_len,
                threads: 2,
                fast: true,
                in_place,
            };
            let e = load_bytes_with::<Invitation>("x.csv", text.as_bytes(), None, plan, now())
                .unwrap_err();
            assert_eq!(e.to_string(), expected, "{chunk_len} {in_place}");
        }
    }
    // A quote closed with text after it, on the header's own line, is a
    // column's name gone wrong, which the found columns show.
    let text = format!("\n{}", H.replacen("To", "\"To\"x", 1));
    let e = load_bytes("x.csv", text.as_bytes()).unwrap_err();
    assert!(
        e.to_string()
            .contains("lacks the column To (found: From,Tox,"),
        "{e}"
    );
}

/// A byte that is not UTF-8 in the header alone is enough to read the
/// file as Windows-1252.
#[test]
fn the_header_alone_can_call_for_windows_1252() {
    let text = H.replace('\n', ",Notes\u{e9}\n") + &row(1, "plain").replace('\n', ",x\n");
    let i = load_bytes("t.csv", &cp1252(&text)).unwrap();
    assert_eq!(i.encoding, TextEncoding::Windows1252Fallback);
    assert_eq!(i.invitations.len(), 1);
}

/// Text is told from binary by its control characters (tab, line ends and
/// form feed aside; NUL among them, but for those that end it) in more
/// than one byte of twenty. A stray NUL in a note is read as part of it,
/// wherever it is in the file.
#[test]
fn binary_is_many_controls() {
    let is_binary =
        |bytes: &[u8]| matches!(load_bytes("x.csv", bytes), Err(ImportError::Binary { .. }));
    let text = format!("{H}{}", row(1, "a note"));
    assert!(!is_binary(text.as_bytes()));
    let nul = text.replacen("a note", "a\0note", 1);
    let i = load_bytes("x.csv", nul.as_bytes()).unwrap();
    assert_eq!(i.invitations[0].message(), "a\0note");
    // A control character in every 19 bytes is binary; in every 20, text.
    for (control, n) in [
        ('\x01', 19),
        ('\x7f', 19),
        ('\0', 19),
        ('\x01', 20),
        ('\t', 5),
    ] {
        let mut t = "a".repeat(n - 1);
        t.insert(n / 2, control);
        let bytes = t.repeat(10);
        assert_eq!(is_binary(bytes.as_bytes()), n == 19, "{control:?} in {n}");
    }
    // NULs that end the file (a copy or a disk that padded it) do not
    // make it binary, nor are they a row or part of the last: its rows
    // are read as they are. With line ends among them too.
    let row = text.trim_end();
    for padding in [&b"\n"[..], b"", b"\n\n"] {
        let padded = [row.as_bytes(), padding, &[0; 4096], b"\n", &[0; 100]].concat();
        let i = load_bytes("x.csv", &padded).unwrap();
        assert_eq!(i.invitations.len(), 1, "{padding:?}");
        assert!(
            !i.invitations[0].invitee_url().contains('\0'),
            "{padding:?}"
        );
        let padded = [row.as_bytes(), padding, &[0; 4096]].concat();
        let i = load_bytes("x.csv", &padded).unwrap();
        assert_eq!(
            (i.invitations.len(), i.skipped.len()),
            (1, 0),
            "{padding:?}"
        );
        assert!(
            !i.invitations[0].invitee_url().contains('\0'),
            "{padding:?}"
        );
    }
    assert!(is_binary(&[0; 4096]), "NULs alone");
}

/// UTF-16 without a byte-order mark: seven high bytes in ten zero, and
/// hardly any low byte, in a head of at least eight bytes.
#[test]
fn utf16_without_a_mark_needs_most_high_bytes_zero() {
    // `zeros` of ten pairs hold a zero high byte, the rest `é`'s 0x00E9
    // read as 0xE9 0x01 (no zero byte at all).
    let le = |zeros: usize, pairs: usize| -> Vec<u8> {
        (0..pairs)
            .flat_map(|i| {
                if i % 10 < zeros {
                    [b'a', 0]
                } else {
                    [0xE9, 0x01]
                }
            })
            .collect()
    };
    let be = |bytes: Vec<u8>| -> Vec<u8> { bytes.chunks(2).flat_map(|p| [p[1], p[0]]).collect() };
    assert_eq!(sniff_utf16(&le(7, 20)), Some(TextEncoding::Utf16LeNoBom));
    assert_eq!(sniff_utf16(&le(6, 20)), None);
    assert_eq!(
        sniff_utf16(&be(le(7, 20))),
        Some(TextEncoding::Utf16BeNoBom)
    );
    assert_eq!(sniff_utf16(&be(le(6, 20))), None);
    assert_eq!(sniff_utf16(&le(10, 4)), Some(TextEncoding::Utf16LeNoBom));
    assert_eq!(sniff_utf16(&le(10, 3)), None);
    // ... and no more than one pair in twenty with a zero low byte too.
    let nul_pairs = |k: usize| -> Vec<u8> {
        (0..40)
            .flat_map(|i| if i < k { [0, 0] } else { [b'a', 0] })
            .collect()
    };
    assert_eq!(sniff_utf16(&nul_pairs(2)), Some(TextEncoding::Utf16LeNoBom));
    assert_eq!(sniff_utf16(&nul_pairs(3)), None);
    assert_eq!(
        sniff_utf16(&be(nul_pairs(2))),
        Some(TextEncoding::Utf16BeNoBom)
    );
    assert_eq!(sniff_utf16(&be(nul_pairs(3))), None);
}

#[test]
fn messages_escape_control_characters() {
    let text = format!("{H}A,B,2026-07-08T15:43,,\x1b[31mIN,u1,u2\n");
    let i = load_str(&text);
    assert!(
        i.skipped[0].reason.contains("`\\u{1b}[31mIN`"),
        "{}",
        i.skipped[0].reason
    );
    // Invisible ones too: else the message says `INCOMING` is not.
    let text = format!(
        "{H}A,B,2026-07-08T15:43,,INCOMING\u{200b},u1,u2\nA,B,2026-07-08T15:43,,\u{feff}INCOMING,u3,u2\n"
    );
    let i = load_str(&text);
    assert!(
        i.skipped[0].reason.contains("`INCOMING\\u{200b}`"),
        "{}",
        i.skipped[0].reason
    );
    assert!(
        i.skipped[1].reason.contains("`\\u{feff}INCOMING`"),
        "{}",
        i.skipped[1].reason
    );
    let i = load_str(&format!("{H}A,B,2026-07-08T15:43,,IN\u{a0}COMING,u1,u2\n"));
    assert!(
        i.skipped[0].reason.contains("`IN\\u{a0}COMING`"),
        "{}",
        i.skipped[0].reason
    );
}

#[test]
fn duplicates_count_once() {
    let text = format!("{H}{}{}{}", row(1, "Hi"), row(2, ""), row(1, " Hi "));
    let i = load_str(&text);
    assert_eq!(i.invitations.len(), 2);
    assert_eq!(
        i.duplicates,
        vec![Duplicate {
            line: 4,
            first_line: 2,
            direction: Direction::Incoming
        }]
    );
}

/// Two exports of one inbox joined: a person who invited again with the
/// same note (or none) repeats their row with a later `Sent At`. The later
/// one is the one pending, and the one kept; the note says so.
#[test]
fn of_two_repeats_the_later_is_kept() {
    let at = |day: u32| {
        format!(
            "Dmitri Volkov,Colleen Ruiz,\"11/{day}/26, 9:00 AM\",,INCOMING,https://www.linkedin.com/in/dmitri,https://www.linkedin.com/in/colleen\n"
        )
    };
    let i = load_str(&format!("{H}{}{}{}{}", at(2), row(1, ""), at(20), at(9)));
    let kept: Vec<(u64, NaiveDateTime)> = i
        .invitations
        .iter()
        .map(|inv| (inv.line.into(), inv.sent_at))
        .collect();
    assert_eq!(
        kept,
        [(4, dt(2026, 11, 20, 9, 0)), (3, dt(2026, 11, 2, 16, 2))]
    );
    assert_eq!(
        i.duplicates,
        [
            Duplicate {
                line: 2,
                first_line: 4,
                direction: Direction::Incoming
            },
            Duplicate {
                line: 5,
                first_line: 4,
                direction: Direction::Incoming
            }
        ]
    );
    assert!(
        i.notices()
            .iter()
            .any(|n| n.ends_with("(line 2 repeats line 4, line 5 repeats line 4); of two sent at different times, the later is the one kept")),
        "{:?}",
        i.notices()
    );
}

/// Duplicates are rows with the same profile URLs and note: two people of
/// the same name, each with a URL of their own, are two rows even when the
/// other URL is missing (their ids then come from the names and minute).
#[test]
fn the_same_name_with_another_url_is_no_duplicate() {
    let line = |who: &str, invitee: &str| {
        format!(
            "Joe Smith,B,\"7/8/26, 3:43 PM\",Hi!,INCOMING,https://www.linkedin.com/in/{who},{invitee}\n"
        )
    };
    let i = load_str(&format!("{H}{}{}", line("q3", ""), line("q4", "")));
    assert_eq!(i.invitations.len(), 2);
    assert!(i.duplicates.is_empty());
    // The same URL twice is a duplicate still.
    let i = load_str(&format!("{H}{}{}", line("q3", ""), line("q3", "")));
    assert_eq!(i.invitations.len(), 1);
    assert_eq!(i.duplicates.len(), 1);
}

/// A quote inside a quoted note, not doubled as CSV writes one: the row
/// is kept as the reading makes it, and named.
#[test]
fn a_quote_not_doubled_is_named() {
    let text = format!(
        "{H}{}{}{}",
        row(1, "\"fine, \"\"quoted\"\" well\""),
        row(2, "\"he said \"hi\" to me\""),
        row(3, "\"and \"so\" here\"")
    );
    let i = load_str(&text);
    assert_eq!(i.invitations.len(), 3);
    assert!(i.skipped.is_empty());
    assert_eq!((i.undoubled_rows, i.first_undoubled_line), (2, Some(3)));
    assert!(
        i.notices().contains(&"t.csv: 2 rows have a quote (\") inside a quoted field that is not doubled (\"\"), as CSV writes one (the first on line 3): kept as read, which may have moved the quote".to_string()),
        "{:?}",
        i.notices()
    );
    assert_eq!(i.invitations[0].message(), "fine, \"quoted\" well");
    properties::same_every_way(text.as_bytes(), 64, 2);
}

#[test]
fn a_repeated_header_is_named() {
    let text = format!("{H}{}{H}{}", row(1, ""), row(2, ""));
    let i = load_str(&text);
    assert_eq!(i.invitations.len(), 2);
    assert!(i.skipped[0].reason.contains("repeats the header"));
}

#[test]
fn reads_the_archive() {
    use std::io::Write;
    let mut buf = io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("Connections.csv", opts).unwrap();
    zip.write_all(b"First Name\n").unwrap();
    zip.start_file("Basic/Invitations.csv", opts).unwrap();
    zip.write_all(format!("{H}{}", row(1, "")).as_bytes())
        .unwrap();
    zip.start_file("Old/2024/Invitations.csv", opts).unwrap();
    zip.write_all(H.as_bytes()).unwrap();
    zip.finish().unwrap();
    let i = load_bytes("export.zip", buf.get_ref()).unwrap();
    assert_eq!(i.origin, "export.zip:Basic/Invitations.csv");
    assert_eq!(i.invitations.len(), 1);
    assert_eq!(i.passed_over, ["Old/2024/Invitations.csv"]);
    assert!(
        i.notices()
            .iter()
            .any(|n| n.contains("also holds Old/2024/Invitations.csv, not read")),
        "{:?}",
        i.notices()
    );
    // Two as near the top: named, and neither read in the other's place,
    // as in a folder; nearer the top wins over a shorter path.
    let zip_of = |entries: &[&str]| {
        let mut buf = io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut buf);
        for entry in entries {
            zip.start_file(*entry, opts).unwrap();
            zip.write_all(H.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
        buf.into_inner()
    };
    let two = zip_of(&[
        "exp1/Invitations.csv",
        "exp1/sub/Invitations.csv",
        "export2/Invitations.csv",
    ]);
    assert_eq!(
        load_bytes("two.zip", &two).unwrap_err().to_string(),
        "two.zip: holds 2 exports as near the top (exp1/Invitations.csv, export2/Invitations.csv); unzip it and give the path of the one to read"
    );
    // Two of one name, which the zip crate keeps one of: the names are
    // written apart and made one after (the crate refuses to write two).
    let mut same = zip_of(&["Invitations.csv", "Invitations.csX"]);
    for at in 0..same.len() - 15 {
        if &same[at..at + 15] == b"Invitations.csX" {
            same[at + 14] = b'v';
        }
    }
    assert_eq!(
        load_bytes("same.zip", &same).unwrap_err().to_string(),
        "same.zip: holds more than one entry named Invitations.csv; which is the export cannot be told: unzip it, keeping each, and give the path of the one to read"
    );
    // Two names that unzip to one path, in either order: one file once
    // unzipped, so neither can be given by path; refused as two of one
    // name are, and named as written.
    for (entries, written) in [
        (
            ["./Invitations.csv", "Invitations.csv"],
            "./Invitations.csv, Invitations.csv",
        ),
        (
            ["Invitations.csv", "./Invitations.csv"],
            "Invitations.csv, ./Invitations.csv",
        ),
        (
            ["a//Invitations.csv", "a/./Invitations.csv"],
            "a//Invitations.csv, a/./Invitations.csv",
        ),
    ] {
        let entry = entries[0].replace("//", "/").replace("./", "");
        assert_eq!(
            load_bytes("dot.zip", &zip_of(&entries))
                .unwrap_err()
                .to_string(),
            format!(
                "dot.zip: holds more than one entry named {entry} ({written}: one path once unzipped); which is the export cannot be told: unzip it, keeping each, and give the path of the one to read"
            )
        );
    }
    // Nearer the top once unzipped: `./a/` is `a/`, as near as `b/`.
    let e = load_bytes(
        "two.zip",
        &zip_of(&["./a/Invitations.csv", "b/Invitations.csv"]),
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.starts_with(
            "two.zip: holds 2 exports as near the top (b/Invitations.csv, ./a/Invitations.csv)"
        ),
        "{e}"
    );
    // One so written, alone, is read.
    let one = zip_of(&["./Invitations.csv", "Old/Invitations.csv"]);
    let i = load_bytes("one.zip", &one).unwrap();
    assert_eq!(i.origin, "one.zip:./Invitations.csv");
    assert_eq!(i.passed_over, ["Old/Invitations.csv"]);
    // Many: the first ten named, and a count.
    let names: Vec<String> = (0..12)
        .map(|i| format!("e{i:02}/Invitations.csv"))
        .collect();
    let many = zip_of(&names.iter().map(String::as_str).collect::<Vec<_>>());
    let e = load_bytes("many.zip", &many).unwrap_err().to_string();
    assert!(
        e.contains("holds 12 exports as near the top (e00/Invitations.csv, ")
            && e.contains(", e09/Invitations.csv, and 2 more); unzip"),
        "{e}"
    );
    let deeper = zip_of(&["a/b/Invitations.csv", "longer-name/Invitations.csv"]);
    assert_eq!(
        load_bytes("deeper.zip", &deeper).unwrap().origin,
        "deeper.zip:longer-name/Invitations.csv"
    );

    // A spreadsheet is a zip archive too.
    for (entry, name, what) in [
        (
            "xl/workbook.xml",
            "Invitations.xlsx",
            "an Excel workbook (.xlsx)",
        ),
        (
            "content.xml",
            "Invitations.ods",
            "an OpenDocument file (.ods)",
        ),
    ] {
        let mut buf = io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut buf);
        zip.start_file(entry, opts).unwrap();
        zip.finish().unwrap();
        let e = load_bytes(name, buf.get_ref()).unwrap_err().to_string();
        assert!(e.contains(&format!("this is {what}, not a CSV")), "{e}");
    }
}

/// An `Invitations.csv` stored as a symbolic link (`zip -y`) holds the
/// path it points to, not the export: said so, not read as a header.
#[test]
fn an_archives_link_named_as_the_export_is_not_read() {
    use std::io::Write;
    let mut buf = io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    let opts = zip::write::SimpleFileOptions::default();
    zip.add_symlink("Invitations.csv", "/etc/passwd", opts)
        .unwrap();
    zip.start_file("Connections.csv", opts).unwrap();
    zip.write_all(b"First Name\n").unwrap();
    zip.finish().unwrap();
    assert_eq!(
        load_bytes("link.zip", buf.get_ref())
            .unwrap_err()
            .to_string(),
        "link.zip:Invitations.csv: is a symbolic link (to /etc/passwd), not the file; LinkedIn's export holds the file itself: download the export again from LinkedIn"
    );
}

/// In a folder beside an export, an archive whose `Invitations.csv` is a
/// link is no second export: it stood beside the real one, and the folder
/// was refused as holding two that differ.
#[test]
fn a_folder_passes_over_an_archive_whose_export_is_a_link() {
    let mut buf = io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    let opts = zip::write::SimpleFileOptions::default();
    zip.add_symlink("Invitations.csv", "real.csv", opts)
        .unwrap();
    zip.finish().unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("sym.zip"), buf.get_ref()).unwrap();
    std::fs::create_dir(dir.path().join("e")).unwrap();
    std::fs::write(
        dir.path().join("e/Invitations.csv"),
        format!("{H}A,Colleen Ruiz,\"7/8/26, 3:43 PM\",,INCOMING,,\n"),
    )
    .unwrap();
    let i = load(&Source::Path(dir.path().to_path_buf())).unwrap();
    assert_eq!(i.invitations.len(), 1);
}

/// A folder named `Invitations.csv/` in an archive is no export: said so,
/// and folders are not counted as its files.
#[test]
fn an_archives_folder_named_as_the_export_is_said_to_be_one() {
    use std::io::Write;
    let opts = zip::write::SimpleFileOptions::default();
    let zip_of = |folder: bool, inside: bool| {
        let mut buf = io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut buf);
        if folder {
            zip.add_directory("Invitations.csv/", opts).unwrap();
        }
        if inside {
            zip.start_file("Invitations.csv/x.csv", opts).unwrap();
            zip.write_all(H.as_bytes()).unwrap();
        }
        zip.add_directory("Jobs/", opts).unwrap();
        zip.start_file("Connections.csv", opts).unwrap();
        zip.write_all(b"First Name\n").unwrap();
        zip.finish().unwrap();
        buf.into_inner()
    };
    let ask = "; is this LinkedIn's data export? Ask for \"Invitations\" (or the larger archive) under Settings → Data privacy → Get a copy of your data";
    for (folder, inside, said) in [
        (
            true,
            false,
            "(1 file in it; its CSV files: Connections.csv); Invitations.csv/ in it is a folder, not the file",
        ),
        (
            true,
            true,
            "(2 files in it; its CSV files: Invitations.csv/x.csv, Connections.csv); Invitations.csv/ in it is a folder, not the file",
        ),
        // Without an entry of its own, the folder is there all the same.
        (
            false,
            true,
            "(2 files in it; its CSV files: Invitations.csv/x.csv, Connections.csv); Invitations.csv/ in it is a folder, not the file",
        ),
    ] {
        assert_eq!(
            load_bytes("t.zip", &zip_of(folder, inside))
                .unwrap_err()
                .to_string(),
            format!("t.zip: the archive holds no Invitations.csv {said}{ask}")
        );
    }
    // Folders only: no file in it, which is not empty.
    let mut buf = io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    zip.add_directory("Jobs/", opts).unwrap();
    zip.finish().unwrap();
    assert_eq!(
        load_bytes("t.zip", buf.get_ref()).unwrap_err().to_string(),
        format!("t.zip: the archive holds no Invitations.csv (no files in it, only folders){ask}")
    );
}

/// A folder closed to this user may hold the export: with none found
/// elsewhere, the error names it beside "no Invitations.csv". (As root
/// every folder opens; then only the message is checked.)
/// `Invitations.csv/` (a shell's completion of a folder, typed on) says
/// what is wrong, not "Not a directory (os error 20)".
#[cfg(unix)]
#[test]
fn a_file_named_as_a_folder_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("Invitations.csv");
    std::fs::write(&file, "From,To\n").unwrap();
    let slash = std::path::PathBuf::from(format!("{}/", file.display()));
    let err = load(&Source::Path(slash)).unwrap_err().to_string();
    assert!(
        err.ends_with("Invitations.csv/: a file's name is used as a folder's (a `/` after it?); expected LinkedIn's Invitations.csv, the export .zip, or the folder it unzips to"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn a_folder_that_cannot_be_read_is_named_when_no_export_is_found() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let closed = dir.path().join("downloads").join("private");
    std::fs::create_dir_all(&closed).unwrap();
    std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o000)).unwrap();
    let opens = std::fs::read_dir(&closed).is_ok();
    let Err(err) = load(&Source::Path(dir.path().to_path_buf())) else {
        panic!("no export to load")
    };
    let err = err.to_string();
    std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o755)).unwrap();
    if !opens {
        assert!(
            err.contains("two levels down, that could be read (") && err.contains("private: "),
            "{err}"
        );
    }
    let err = ImportError::IsDirectory {
        path: PathBuf::from("dl"),
        zips: Vec::new(),
        closed: Some("dl/private: Permission denied (os error 13)".into()),
    };
    assert_eq!(
        err.to_string(),
        "dl: is a directory with no Invitations.csv in it or in its folders, two levels down, nor an export .zip in it or one level down, \
         that could be read (dl/private: Permission denied (os error 13)); give the file itself, \
         or LinkedIn's export .zip"
    );
}

/// A folder given for FILE: its `Invitations.csv`, in any case, and
/// never another file or a folder of that name.
#[test]
fn finds_the_export_in_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("Connections.csv"), "First Name\n").unwrap();
    std::fs::create_dir(d.join("INVITATIONS.CSV")).unwrap();
    assert_eq!(invitations_in(d).unwrap().0, Vec::<PathBuf>::new());
    // Another folder: on a file system that ignores case (Windows,
    // macOS) the file could not sit beside that folder.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("Connections.csv"), "First Name\n").unwrap();
    std::fs::write(d.join("invitations.csv"), H).unwrap();
    // The path may spell the name either way where case is ignored.
    let found = invitations_in(d)
        .unwrap()
        .0
        .pop()
        .expect("the export is found");
    assert_eq!(found.parent(), Some(d));
    assert_eq!(std::fs::read_to_string(found).unwrap(), H);
    // Two names in other cases: the user chooses, by path (on a file
    // system that ignores case there is only one).
    std::fs::write(d.join("INVITATIONS.csv"), H).unwrap();
    let both = invitations_in(d).unwrap().0;
    if both.len() == 2 {
        assert_eq!(both, [d.join("INVITATIONS.csv"), d.join("invitations.csv")]);
    }
    // LinkedIn's own name beside them is the one read.
    std::fs::write(d.join("Invitations.csv"), H).unwrap();
    assert_eq!(invitations_in(d).unwrap().0, [d.join("Invitations.csv")]);
    // A zip unpacked into a folder of its own: one level down.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for sub in ["b-export", "a-notes", "c-export"] {
        std::fs::create_dir(d.join(sub)).unwrap();
    }
    std::fs::write(d.join("b-export/Invitations.csv"), H).unwrap();
    std::fs::create_dir_all(d.join("a-notes/deeper/still")).unwrap();
    std::fs::write(d.join("a-notes/deeper/still/Invitations.csv"), H).unwrap();
    assert_eq!(
        invitations_in(d).unwrap().0,
        [d.join("b-export").join("Invitations.csv")],
        "two levels down at most"
    );
    // One more two levels down: an older export is not read in its place.
    std::fs::write(d.join("a-notes/deeper/Invitations.csv"), H).unwrap();
    assert_eq!(
        invitations_in(d).unwrap().0,
        [
            d.join("a-notes").join("deeper").join("Invitations.csv"),
            d.join("b-export").join("Invitations.csv")
        ]
    );
    std::fs::remove_file(d.join("a-notes/deeper/Invitations.csv")).unwrap();
    // Two that differ: the user chooses.
    std::fs::write(
        d.join("c-export/Invitations.csv"),
        format!("{H}{}", row(1, "")),
    )
    .unwrap();
    assert_eq!(invitations_in(d).unwrap().0.len(), 2);
    let err = load(&Source::Path(d.to_path_buf())).unwrap_err();
    assert!(
        err.to_string().ends_with(&format!(
            ": holds 2 exports that differ ({}, {}); give the path of the one to read",
            d.join("b-export").join("Invitations.csv").display(),
            d.join("c-export").join("Invitations.csv").display()
        )),
        "{err}"
    );
}

/// A folder above an unzipped `Complete_…` export, whose
/// `Jobs/Invitations.csv` sits below its own: read from the one at the
/// export's top, with the other named, as the .zip and the unzipped
/// folder are; with the .zip beside it too. Two exports side by side
/// that differ are still for the user to choose from.
#[test]
fn a_folder_above_an_export_reads_it_as_its_zip_is_read() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let export = d.join("Complete_LinkedInDataExport_11-29-2026");
    std::fs::create_dir_all(export.join("Jobs")).unwrap();
    let top = format!("{H}{}{}", row(1, ""), row(2, ""));
    std::fs::write(export.join("Invitations.csv"), &top).unwrap();
    std::fs::write(
        export.join("Jobs/Invitations.csv"),
        format!("{H}{}", row(3, "")),
    )
    .unwrap();
    let jobs = Path::new("Jobs")
        .join("Invitations.csv")
        .display()
        .to_string();
    let read = |given: &Path| {
        let i = load(&Source::Path(given.to_path_buf())).unwrap();
        assert_eq!(i.origin, shown_path(&export.join("Invitations.csv")));
        assert_eq!(i.invitations.len(), 2);
        assert_eq!(i.passed_over, [jobs.as_str()]);
        assert!(
            i.notices().iter().any(|n| n.ends_with(&format!(
                ": the folder also holds {jobs}, not read (to read it, give its path)"
            ))),
            "{:?}",
            i.notices()
        );
    };
    read(d);
    read(&export);
    // The .zip it was unzipped from, beside it: one export.
    let mut zip = zip::ZipWriter::new(
        std::fs::File::create(d.join("Complete_LinkedInDataExport_11-29-2026.zip")).unwrap(),
    );
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("Invitations.csv", opts).unwrap();
    zip.write_all(top.as_bytes()).unwrap();
    zip.start_file("Jobs/Invitations.csv", opts).unwrap();
    zip.write_all(format!("{H}{}", row(3, "")).as_bytes())
        .unwrap();
    zip.finish().unwrap();
    read(d);
    // A folder above that: two levels down, the export is found still.
    let above = tempfile::tempdir().unwrap();
    let downloads = above.path().join("Downloads");
    std::fs::create_dir(&downloads).unwrap();
    let moved = downloads.join("Complete_LinkedInDataExport_11-29-2026");
    std::fs::create_dir_all(moved.join("Jobs")).unwrap();
    std::fs::write(moved.join("Invitations.csv"), &top).unwrap();
    std::fs::write(moved.join("Jobs/Invitations.csv"), H).unwrap();
    let i = load(&Source::Path(above.path().to_path_buf())).unwrap();
    assert_eq!(i.origin, shown_path(&moved.join("Invitations.csv")));
    assert_eq!(i.passed_over, [jobs.as_str()]);
    // An export beside it that differs: not one below the other.
    let other = d.join("Basic_LinkedInDataExport_11-30-2026");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("Invitations.csv"), format!("{H}{}", row(4, ""))).unwrap();
    let err = load(&Source::Path(d.to_path_buf()))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains(": holds 2 exports that differ (")
            && err.contains(&shown_path(&other.join("Invitations.csv")))
            && !err.contains("Jobs"),
        "{err}"
    );
}

/// A link in the export's folder to a folder above it (`loop -> ..`)
/// reaches the file read again: that is not another export to name.
#[cfg(unix)]
#[test]
fn a_folder_does_not_name_the_file_read_again_through_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a");
    std::fs::create_dir(&a).unwrap();
    std::fs::write(a.join("Invitations.csv"), format!("{H}{}", row(1, ""))).unwrap();
    std::os::unix::fs::symlink("..", a.join("loop")).unwrap();
    for given in [dir.path(), a.as_path()] {
        let i = load(&Source::Path(given.to_path_buf())).unwrap();
        assert_eq!(i.origin, shown_path(&a.join("Invitations.csv")));
        assert!(i.passed_over.is_empty(), "{:?}", i.passed_over);
    }
}

/// A folder whose top holds an export is read from it, as an archive is
/// from its entry nearest the top, and the others below are named.
#[test]
fn a_folder_names_the_exports_below_the_one_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("Invitations.csv"), format!("{H}{}", row(1, ""))).unwrap();
    let i = load(&Source::Path(d.to_path_buf())).unwrap();
    assert!(i.passed_over.is_empty());
    assert!(!i.notices().iter().any(|n| n.contains("also holds")));
    std::fs::create_dir_all(d.join("old/2024")).unwrap();
    std::fs::write(d.join("old/2024/Invitations.csv"), H).unwrap();
    let i = load(&Source::Path(d.to_path_buf())).unwrap();
    assert_eq!(i.invitations.len(), 1);
    let below = Path::new("old").join("2024").join("Invitations.csv");
    assert_eq!(i.passed_over, [below.display().to_string()]);
    assert!(
        i.notices().iter().any(|n| n.ends_with(&format!(
            ": the folder also holds {}, not read (to read it, give its path)",
            below.display()
        ))),
        "{:?}",
        i.notices()
    );
}

/// An archive holding `text` as its one entry, `entry`.
fn zip_with(entry: &str, text: &str) -> Vec<u8> {
    use std::io::Write;
    let mut buf = io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    zip.start_file(entry, zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(text.as_bytes()).unwrap();
    zip.finish().unwrap();
    buf.into_inner()
}

/// Weeks later, the folder of downloads holds the export unzipped then
/// and the newer .zip: neither is read in the other's place. A .zip that
/// is not an export does not count.
#[test]
fn an_unzipped_export_beside_a_newer_zip_is_for_the_user_to_choose() {
    let newer = format!("{H}{}", row(1, ""));
    let zip_of = |entry: &str| zip_with(entry, &newer);
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("Basic_LinkedInDataExport_11-21-2026")).unwrap();
    let old = d.join("Basic_LinkedInDataExport_11-21-2026/Invitations.csv");
    std::fs::write(&old, H).unwrap();
    std::fs::write(d.join("photos.zip"), zip_of("cat.csv")).unwrap();
    assert_eq!(
        load(&Source::Path(d.to_path_buf())).unwrap().origin,
        old.display().to_string(),
        "another .zip is not an export"
    );
    let new = d.join("Basic_LinkedInDataExport_12-20-2026.zip");
    std::fs::write(&new, zip_of("Invitations.csv")).unwrap();
    let err = load(&Source::Path(d.to_path_buf())).unwrap_err();
    assert!(
        err.to_string().ends_with(&format!(
            ": holds 2 exports that differ ({}, {}), {} is the newest by the date in its name; give the path of the one to read",
            old.display(),
            new.display(),
            new.display()
        )),
        "{err}"
    );
    // The folder the .zip was unzipped into, its copy edited since: the
    // two differ, and the error says what that likely means.
    let same = d.join("Basic_LinkedInDataExport_12-20-2026");
    std::fs::create_dir(&same).unwrap();
    std::fs::write(same.join("Invitations.csv"), newer.replace('\n', "\r\n")).unwrap();
    let edited = load(&Source::Path(d.to_path_buf()))
        .unwrap_err()
        .to_string();
    assert!(
        edited.contains(": holds 3 exports that differ (")
            && edited.contains(" (a folder unzipped from the .zip, whose Invitations.csv is not the .zip's: edited or saved again since?); "),
        "{edited}"
    );
    std::fs::remove_dir_all(&same).unwrap();
    // The same from the folder above (the export unzipped two levels down,
    // the .zip one).
    let home = tempfile::tempdir().unwrap();
    let downloads = home.path().join("Downloads");
    std::fs::rename(d, &downloads).unwrap();
    let err = load(&Source::Path(home.path().to_path_buf())).unwrap_err();
    assert!(
        err.to_string().contains(": holds 2 exports that differ ("),
        "{err}"
    );
    // With the .zip alone (and one that is no export), it is read.
    std::fs::remove_dir_all(downloads.join("Basic_LinkedInDataExport_11-21-2026")).unwrap();
    let i = load(&Source::Path(home.path().to_path_buf())).unwrap();
    assert!(
        i.origin
            .ends_with("Basic_LinkedInDataExport_12-20-2026.zip:Invitations.csv"),
        "{}",
        i.origin
    );
    // With none, the error for a folder without one names the .zip there.
    std::fs::remove_file(downloads.join("Basic_LinkedInDataExport_12-20-2026.zip")).unwrap();
    let err = load(&Source::Path(downloads.clone())).unwrap_err();
    assert!(
        err.to_string().ends_with(&format!(
            " (it holds {}, with no Invitations.csv found in it)",
            downloads.join("photos.zip").display()
        )),
        "{err}"
    );
}

/// The .zip and the folder it was unzipped into (or the files unzipped
/// beside it) are one export, not two to choose from; and a folder of
/// downloads that holds the .zip alone is read from it.
#[test]
fn a_zip_beside_what_was_unzipped_from_it_is_one_export() {
    let text = format!("{H}{}", row(1, ""));
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let zip = d.join("Basic_LinkedInDataExport_11-28-2026.zip");
    std::fs::write(&zip, zip_with("Invitations.csv", &text)).unwrap();
    // The .zip alone.
    let i = load(&Source::Path(d.to_path_buf())).unwrap();
    assert_eq!(i.origin, format!("{}:Invitations.csv", zip.display()));
    assert_eq!(i.invitations.len(), 1);
    // Unzipped into a folder beside it: that is read.
    let folder = d.join("Basic_LinkedInDataExport_11-28-2026");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("Invitations.csv"), &text).unwrap();
    let i = load(&Source::Path(d.to_path_buf())).unwrap();
    assert_eq!(
        i.origin,
        folder.join("Invitations.csv").display().to_string()
    );
    // Unzipped beside it, at the top, too.
    std::fs::write(d.join("Invitations.csv"), &text).unwrap();
    let i = load(&Source::Path(d.to_path_buf())).unwrap();
    assert_eq!(i.origin, d.join("Invitations.csv").display().to_string());
    // Edited since (or another export's): for the user to choose.
    std::fs::write(d.join("Invitations.csv"), H).unwrap();
    let err = load(&Source::Path(d.to_path_buf())).unwrap_err();
    assert!(
        err.to_string().ends_with(&format!(
            ": holds 2 exports that differ ({}, {}); give the path of the one to read",
            d.join("Invitations.csv").display(),
            zip.display()
        )),
        "{err}"
    );
    // Two .zips alone: the same.
    std::fs::remove_file(d.join("Invitations.csv")).unwrap();
    std::fs::remove_dir_all(&folder).unwrap();
    let other = d.join("Basic_LinkedInDataExport_10-01-2026.zip");
    std::fs::write(&other, zip_with("Invitations.csv", H)).unwrap();
    let err = load(&Source::Path(d.to_path_buf())).unwrap_err();
    assert!(
        err.to_string().ends_with(&format!(
            ": holds 2 exports that differ ({}, {}), {} is the newest by the date in its name; give the path of the one to read",
            other.display(),
            zip.display(),
            zip.display()
        )),
        "{err}"
    );
}

/// LinkedIn's two archives of a day, `Basic_…` and `Complete_…`, in the
/// downloads: one export when they hold the same Invitations.csv, read
/// once with a note; when they differ, which holds the latest invitation
/// is said, as their names carry the same date.
#[test]
fn two_archives_of_one_export_are_read_once() {
    let text = format!("{H}{}", row(1, ""));
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let basic = d.join("Basic_LinkedInDataExport_11-29-2026.zip");
    let complete = d.join("Complete_LinkedInDataExport_11-29-2026.zip");
    std::fs::write(&basic, zip_with("Invitations.csv", &text)).unwrap();
    std::fs::write(&complete, zip_with("Invitations.csv", &text)).unwrap();
    let i = load(&Source::Path(d.to_path_buf())).unwrap();
    assert_eq!(i.origin, format!("{}:Invitations.csv", basic.display()));
    assert_eq!(i.invitations.len(), 1);
    assert!(
        i.notices().contains(&format!(
            "{}:Invitations.csv: the same, byte for byte, as the one in {}: one export, read once",
            basic.display(),
            complete.display()
        )),
        "{:?}",
        i.notices()
    );
    // Unzipped beside them too: still one, and the unzipped one is read,
    // as beside one .zip.
    std::fs::create_dir(d.join("mine")).unwrap();
    std::fs::write(d.join("mine/Invitations.csv"), &text).unwrap();
    let i = load(&Source::Path(d.to_path_buf())).unwrap();
    assert_eq!(
        i.origin,
        d.join("mine").join("Invitations.csv").display().to_string()
    );
    std::fs::remove_dir_all(d.join("mine")).unwrap();
    // A third archive: "and 1 more".
    let again = d.join("Complete_LinkedInDataExport_11-29-2026 (1).zip");
    std::fs::write(&again, zip_with("Invitations.csv", &text)).unwrap();
    let i = load(&Source::Path(d.to_path_buf())).unwrap();
    assert!(
        i.notices()
            .iter()
            .any(|n| n.ends_with(" and 1 more: one export, read once")),
        "{:?}",
        i.notices()
    );
    std::fs::remove_file(&again).unwrap();
    // Of the same size but not the same bytes: two exports.
    let other = text.replace("Person 1,", "Person 7,");
    assert_eq!(other.len(), text.len());
    std::fs::write(&complete, zip_with("Invitations.csv", &other)).unwrap();
    let err = load(&Source::Path(d.to_path_buf())).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}: holds 2 exports that differ ({}, {}); give the path of the one to read",
            d.display(),
            basic.display(),
            complete.display()
        )
    );
    // One with a later invitation: named, as the dates in the names are
    // the same.
    let later = format!("{text}{}", row(5, ""));
    std::fs::write(&complete, zip_with("Invitations.csv", &later)).unwrap();
    let err = load(&Source::Path(d.to_path_buf())).unwrap_err();
    assert!(
        err.to_string().ends_with(&format!(
            ", {} holds the latest invitation (sent 6 Nov 2026); give the path of the one to read",
            complete.display()
        )),
        "{err}"
    );
}

/// A folder holding a browser's download not finished (Chrome's
/// `.crdownload`, Firefox's `.part` beside an empty file of the final
/// name, Safari's `.download` folder) says so, not that it holds no
/// export; and an older export beside it is not read in its place.
#[test]
fn a_download_not_finished_in_a_folder_is_named() {
    let text = format!("{H}{}", row(1, ""));
    let good = zip_with("Invitations.csv", &text);
    let name = "Basic_LinkedInDataExport_11-29-2026.zip";
    let tail = "; wait for it to finish and give the .zip, or download it again from LinkedIn";
    let up = tempfile::tempdir().unwrap();
    let d = &up.path().join("downloads");
    std::fs::create_dir(d).unwrap();
    let chrome = d.join(format!("{name}.crdownload"));
    std::fs::write(&chrome, &good[..100]).unwrap();
    assert_eq!(
        load(&Source::Path(d.to_path_buf()))
            .unwrap_err()
            .to_string(),
        format!(
            "{}: holds {}, a download not finished (Chrome names a file so until it is whole){tail}",
            d.display(),
            chrome.display()
        )
    );
    // Beside an older export, and from the folder above: the same.
    let older = d.join("Basic_LinkedInDataExport_10-01-2026.zip");
    std::fs::write(&older, &good).unwrap();
    let err = load(&Source::Path(d.to_path_buf()))
        .unwrap_err()
        .to_string();
    assert!(
        err.ends_with(&format!(
            ", beside the export {}{tail}, or give the path of the export to read",
            older.display()
        )),
        "{err}"
    );
    let err = load(&Source::Path(up.path().to_path_buf()));
    assert!(
        matches!(&err, Err(ImportError::UnfinishedDownload { download, .. }) if *download == chrome),
        "{err:?}"
    );
    std::fs::remove_file(&older).unwrap();
    // A leftover beside its .zip, whole: the .zip is read.
    std::fs::write(d.join(name), &good).unwrap();
    assert_eq!(load(&Source::Path(d.to_path_buf())).unwrap().len(), 1);
    std::fs::remove_file(&chrome).unwrap();
    // Firefox: the final name, empty, and the download beside it.
    std::fs::write(d.join(name), "").unwrap();
    let firefox = d.join(format!("{name}.part"));
    std::fs::write(&firefox, &good[..100]).unwrap();
    assert!(
        load(&Source::Path(d.to_path_buf()))
            .unwrap_err()
            .to_string()
            .contains(&format!(
                ": holds {}, a download not finished (Firefox names",
                firefox.display()
            ))
    );
    std::fs::remove_file(&firefox).unwrap();
    std::fs::remove_file(d.join(name)).unwrap();
    // Safari: a folder, the download inside it.
    let safari = d.join(format!("{name}.download"));
    std::fs::create_dir(&safari).unwrap();
    std::fs::write(safari.join(name), &good[..100]).unwrap();
    assert!(
        load(&Source::Path(d.to_path_buf()))
            .unwrap_err()
            .to_string()
            .contains(&format!(
                ": holds {}, a download not finished (Safari names",
                safari.display()
            ))
    );
    std::fs::remove_dir_all(&safari).unwrap();
    // Another download not finished, of no .zip, is not the export.
    std::fs::write(d.join("film.mp4.part"), "x").unwrap();
    assert!(matches!(
        load(&Source::Path(d.to_path_buf())),
        Err(ImportError::IsDirectory { .. })
    ));
    // Of a .zip named otherwise, with nothing else there: named.
    std::fs::write(d.join("export.zip.crdownload"), "x").unwrap();
    assert!(matches!(
        load(&Source::Path(d.to_path_buf())),
        Err(ImportError::UnfinishedDownload { .. })
    ));
}

/// A named pipe called Invitations.csv beside another export is not
/// opened to be compared or dated (it would wait for a writer for ever):
/// the two are named.
#[cfg(unix)]
#[test]
fn a_pipe_beside_an_export_is_not_opened_to_compare() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_path_buf();
    for sub in ["a", "b"] {
        std::fs::create_dir(d.join(sub)).unwrap();
    }
    let made = std::process::Command::new("mkfifo")
        .arg(d.join("a/Invitations.csv"))
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        eprintln!("mkfifo cannot be run here; skipped");
        return;
    }
    std::fs::write(d.join("b/Invitations.csv"), format!("{H}{}", row(1, ""))).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let err = load(&Source::Path(d)).unwrap_err().to_string();
        let _ = tx.send(err);
    });
    let err = rx
        .recv_timeout(std::time::Duration::from_secs(10))
        .expect("the pipe is not opened");
    assert!(err.contains(": holds 2 exports that differ ("), "{err}");
    // Alone in its folder, it is not read either (a tester's run waited
    // without a word): named, with how to read it all the same.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("a");
    std::fs::create_dir(&d).unwrap();
    std::process::Command::new("mkfifo")
        .arg(d.join("Invitations.csv"))
        .status()
        .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let err = load(&Source::Path(d)).unwrap_err().to_string();
        let _ = tx.send(err);
    });
    let err = rx
        .recv_timeout(std::time::Duration::from_secs(10))
        .expect("the pipe is not opened");
    assert!(
        err.ends_with("/a/Invitations.csv: found in the folder given, but it is a named pipe, not a file, and reading it would wait for whatever writes to it; to read from it all the same, give it by name"),
        "{err}"
    );
}

/// A folder whose newest export .zip was cut short in the download: the
/// older export beside it is not read in its place (the user would take
/// it for today's), and a cut-off .zip alone is named as one, not as a
/// .zip without Invitations.csv in it. A broken .zip of another name
/// beside an export is not the user's concern here.
#[test]
fn a_download_cut_short_in_a_folder_is_named() {
    let text = format!("{H}{}", row(1, ""));
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let good = zip_with("Invitations.csv", &text);
    let cut = d.join("Basic_LinkedInDataExport_11-28-2026.zip");
    std::fs::write(&cut, &good[..100]).unwrap();
    let tail = "which cannot be read as a zip archive (is the download complete?)";
    let err = load(&Source::Path(d.to_path_buf())).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}: holds {}, {tail}; download it again from LinkedIn, or give the path of the file to read",
            d.display(),
            cut.display()
        )
    );
    let older = d.join("Basic_LinkedInDataExport_10-01-2026.zip");
    std::fs::write(&older, &good).unwrap();
    let err = load(&Source::Path(d.to_path_buf())).unwrap_err();
    assert!(
        err.to_string().contains(&format!(
            "{tail}, beside the export {}; download",
            older.display()
        )),
        "{err}"
    );
    // In a folder of the folder given, the same.
    let up = tempfile::tempdir().unwrap();
    std::fs::rename(d, up.path().join("downloads")).unwrap();
    let err = load(&Source::Path(up.path().to_path_buf())).unwrap_err();
    assert!(err.to_string().contains(tail), "{err}");
    std::fs::rename(up.path().join("downloads"), d).unwrap();
    std::fs::remove_file(&cut).unwrap();
    std::fs::write(d.join("photos.zip"), &good[..100]).unwrap();
    let i = load(&Source::Path(d.to_path_buf())).unwrap();
    assert_eq!(i.invitations.len(), 1);
}

/// A read cut short by a signal is tried again; the bytes come in
/// pieces until the buffer is full or the reader is done.
#[test]
fn read_up_to_retries_an_interrupted_read() {
    struct Stutter(Vec<io::Result<&'static [u8]>>);
    impl Read for Stutter {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match self.0.pop() {
                None => Ok(0),
                Some(Ok(bytes)) => {
                    buf[..bytes.len()].copy_from_slice(bytes);
                    Ok(bytes.len())
                }
                Some(Err(e)) => Err(e),
            }
        }
    }
    let interrupted = || Err(io::Error::from(io::ErrorKind::Interrupted));
    let mut buf = [0u8; 8];
    let mut r = Stutter(vec![Ok(b"cd"), interrupted(), Ok(b"ab")]);
    assert_eq!(read_up_to(&mut r, &mut buf).unwrap(), 4);
    assert_eq!(&buf[..4], b"abcd");
    // Any other error ends the read, though more could follow it.
    let mut r = Stutter(vec![Ok(b"cd"), Err(io::Error::other("gone")), Ok(b"ab")]);
    assert_eq!(
        read_up_to(&mut r, &mut buf).unwrap_err().to_string(),
        "gone"
    );
}

#[test]
fn the_sample_loads_cleanly() {
    let i = load(&Source::Sample).unwrap();
    assert!(i.invitations.len() > 50);
    assert!(i.skipped.is_empty(), "{:?}", i.skipped);
    assert!(i.duplicates.is_empty());
}

/// A byte-order mark at the start of a row is text, as it is for a
/// reader that reads the file in one go, even where a chunk starts.
#[test]
fn a_mark_inside_the_file_is_kept_where_a_chunk_starts() {
    let text = format!("{H}{}\u{feff}{}{}", row(1, ""), row(2, ""), row(3, "x"));
    for chunk_len in [1, 60, usize::MAX] {
        for (fast, in_place) in [(false, false), (true, false), (false, true), (true, true)] {
            let plan = Plan {
                chunk_len,
                threads: 2,
                fast,
                in_place,
            };
            let i: Import = load_bytes_with("t.csv", text.as_bytes(), None, plan, now()).unwrap();
            let from: Vec<&str> = i.invitations.iter().map(|v| v.from()).collect();
            assert_eq!(
                from,
                ["Person 1", "\u{feff}Person 2", "Person 3"],
                "{plan:?}"
            );
            assert_eq!(lines(&i), [2, 3, 4], "{plan:?}");
        }
    }
}

/// A bug that panics while a chunk is read reaches the caller as the
/// panic; the reading thread is not left waiting for the workers.
#[test]
fn a_panic_in_a_worker_is_passed_on() {
    struct Boom;
    impl Item for Boom {
        type All = ();
        fn build(
            _: &crate::invitation::Fields<'_>,
            _: &mut rows::Shared,
            _: Classification,
        ) -> (Self, crate::invitation::InvitationId) {
            panic!("boom")
        }
        fn line(&self) -> u64 {
            0
        }
        fn shift_line(&mut self, _: u64) {}
        type Summary = ();
        fn summarise(_: &[Self], _: DirectionFilter) {}
        fn gather(_: Vec<(Vec<Self>, Option<()>)>, _: DirectionFilter) {}
        fn drop_repeats(_: &mut (), _: &[(u32, u32)]) -> Vec<Duplicate> {
            Vec::new()
        }
        fn count(_: &()) -> usize {
            0
        }
    }
    let text = crate::synth::generate(2000, 3);
    let plan = Plan {
        chunk_len: 1000,
        threads: 2,
        fast: true,
        in_place: true,
    };
    let outcome = std::panic::catch_unwind(|| {
        load_bytes_with::<Boom>("t.csv", text.as_bytes(), None, plan, now()).map(|_| ())
    });
    let panic = outcome.expect_err("the panic is passed on");
    assert_eq!(panic.downcast_ref::<&str>(), Some(&"boom"));
}

/// `stats` reads only the facts of each row, in chunks on several
/// threads, classifying only what it counts; the app reads whole
/// invitations. Both must count the same.
#[test]
fn facts_and_invitations_break_down_alike() {
    use crate::classify::{Classifier, Lists};
    use crate::stats::{DirectionFilter, breakdown};
    let classifier = Classifier::new(&Lists::default());
    let classify = |note: &str, from: &str, to: &str| classifier.classify(note, from, to);
    let mut text = crate::synth::generate(3000, 7);
    // A repeated row and a broken one, to be left out alike.
    let second = text.lines().nth(1).unwrap().to_string();
    text.push_str(&format!("{second}\nnot,a,row\n"));
    let whole: Import = load_bytes_with(
        "s.csv",
        text.as_bytes(),
        Some(&classify),
        Plan::default(),
        now(),
    )
    .unwrap();
    assert_eq!(whole.duplicates.len(), 1);
    assert_eq!(whole.skipped.len(), 1);
    let small = Plan {
        chunk_len: 4096,
        threads: 2,
        fast: true,
        in_place: true,
    };
    let source = Source::Path(PathBuf::from("s.csv"));
    let job = Job {
        source: &source,
        classify: Some(&classify),
        counted: DirectionFilter::Incoming,
        plan: small,
        day_first: false,
        now: now(),
    };
    let facts: Import<Facts> = load_in_memory(job, "s.csv".into(), text.as_bytes()).unwrap();
    assert_eq!(facts.duplicates, whole.duplicates);
    assert_eq!(facts.skipped, whole.skipped);
    let a = breakdown(&whole.invitations, DirectionFilter::Incoming);
    let b = facts.invitations.breakdown();
    assert_eq!(a, b);
    assert!(!facts.invitations.is_empty());
    assert_eq!(facts.invitations.len(), whole.invitations.len());
    assert!(
        a.by_category.get(crate::classify::Category::Customised) > 100,
        "{a:?}"
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Lines as an editor counts them: `\r\n`, `\r` or `\n` ends one.
    fn line_count(bytes: &[u8]) -> usize {
        let mut n = 1;
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'\r' {
                n += 1;
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
            } else if bytes[i] == b'\n' {
                n += 1;
            }
            i += 1;
        }
        n
    }

    /// UTF-16 turns two bytes into one character: count its lines.
    fn check(bytes: &[u8]) {
        if let Ok(i) = load_bytes("p.csv", bytes) {
            let lines = match i.encoding {
                TextEncoding::Utf8 | TextEncoding::Utf8Bom | TextEncoding::Windows1252Fallback => {
                    line_count(bytes)
                }
                _ => line_count(bytes) + bytes.len(),
            };
            let read = i.invitations.len() + i.skipped.len() + i.duplicates.len();
            assert!(
                read < lines.max(1),
                "{read} rows from {lines} lines: {:?} {:?}",
                i.invitations.iter().map(|i| i.line).collect::<Vec<_>>(),
                i.skipped
            );
            let mut seen: Vec<u64> = i
                .invitations
                .iter()
                .map(|i| u64::from(i.line))
                .chain(i.skipped.iter().map(|s| s.line))
                .chain(i.duplicates.iter().map(|d| d.line))
                .collect();
            seen.sort_unstable();
            // Lines are counted as an editor counts them, as `line_count`
            // does.
            assert!(
                seen.iter().all(|&l| l >= 1 && (l as usize) <= lines),
                "{seen:?} of {lines}"
            );
        }
    }

    fn valid_export(min_rows: usize) -> impl Strategy<Value = String> {
        let note = prop_oneof![
            Just(String::new()),
            Just("Hi Colleen".to_string()),
            Just("\"Hi, Colleen \"\"C\"\"\nsee you\"".to_string()),
            "[a-zé ,.!]{0,30}".prop_map(|s| format!("\"{s}\"")),
        ];
        let row = (0usize..50, note, any::<bool>()).prop_map(|(n, note, out)| {
                format!(
                    "Person {n},Colleen Ruiz,\"{}/{}/26, {}:0{} PM\",{note},{},https://www.linkedin.com/in/p{n},https://www.linkedin.com/in/c\n",
                    n % 12 + 1,
                    n % 28 + 1,
                    n % 12 + 1,
                    n % 10,
                    if out { "OUTGOING" } else { "INCOMING" }
                )
            });
        proptest::collection::vec(row, min_rows..20)
            .prop_map(|rows| format!("{H}{}", rows.concat()))
    }

    /// `export` with its records' line ends (not those inside notes)
    /// made `\n`, `\r\n` or a lone `\r` by turns from `ends` (0 leaves
    /// one as it is), as Excel for Mac writes them, or an edit leaves them.
    fn mixed_ends(export: &str, ends: &[u8]) -> String {
        let mut out = String::with_capacity(export.len());
        let (mut quoted, mut k) = (false, 0);
        let mut chars = export.chars().peekable();
        while let Some(c) = chars.next() {
            let end = match c {
                '\n' if !quoted => "\n",
                '\r' if !quoted && chars.peek() == Some(&'\n') => {
                    chars.next();
                    "\r\n"
                }
                _ => {
                    quoted ^= c == '"';
                    out.push(c);
                    continue;
                }
            };
            out.push_str(match ends[k % ends.len()] {
                1 => "\n",
                2 => "\r\n",
                3 => "\r",
                _ => end,
            });
            k += 1;
        }
        out
    }

    fn mutation() -> impl Strategy<Value = (proptest::sample::Index, &'static [u8])> {
        let what: &'static [&'static [u8]] = &[
            b"\"",
            b",",
            b"\n",
            b"\r\n",
            b"\r",
            b"\xEF\xBB\xBF",
            b"\0",
            b"\"\"",
            b"\xE9",
            b"\"\n",
        ];
        (
            any::<proptest::sample::Index>(),
            proptest::sample::select(what),
        )
    }

    /// `check_quotes` byte by byte, as a state machine: the reference.
    fn check_quotes_slowly(raw: &[u8]) -> Option<QuoteFault> {
        #[derive(Clone, Copy)]
        enum S {
            FieldStart,
            Plain,
            Quoted,
            QuoteInQuoted,
        }
        let mut state = S::FieldStart;
        let mut open = 0;
        for (i, &b) in raw.iter().enumerate() {
            state = match (state, b) {
                (S::FieldStart, b'"') => {
                    open = i;
                    S::Quoted
                }
                (S::FieldStart | S::Plain | S::QuoteInQuoted, b',' | b'\r' | b'\n') => {
                    S::FieldStart
                }
                (S::FieldStart | S::Plain, _) => S::Plain,
                (S::Quoted, b'"') => S::QuoteInQuoted,
                (S::Quoted, _) => S::Quoted,
                (S::QuoteInQuoted, b'"') => S::Quoted,
                (S::QuoteInQuoted, _) => {
                    return Some(QuoteFault {
                        open,
                        unclosed: false,
                    });
                }
            };
        }
        matches!(state, S::Quoted).then_some(QuoteFault {
            open,
            unclosed: true,
        })
    }

    /// What one careful reading of the whole of `bytes` tells.
    fn one_piece(bytes: &[u8]) -> String {
        let careful = Plan {
            chunk_len: usize::MAX,
            threads: 1,
            fast: false,
            in_place: false,
        };
        told(load_bytes_with("p.csv", bytes, None, careful, now()))
    }

    /// A header with a quote left open runs over the lines after it. The
    /// first chunk of text in memory was cut by counting quotes from the
    /// file's start, so it could end inside the header, and the next one
    /// start in the middle of it (found by the property test below).
    #[test]
    fn a_header_with_an_open_quote_reads_the_same_in_chunks() {
        let export = "From,To,Sent At,Message,Direction,inviterProfileUrl,\"inviteeProfileUrl\r\n\
                Person 0,Colleen Ruiz,\"1/1/26, 1:00 PM\",\"Hi, Colleen \"\"C\"\"\r\nsee you\",INCOMING,https://www.linkedin.com/in/p0,https://www.linkedin.com/in/c\r\n\
                Person 0,Colleen Ruiz,\"1/1/26, 1:00 PM\",Hi Colleen,INCOMING,https://www.linkedin.com/in/p0,https://www.linkedin.com/in/c\r\n\
                Person 10,Colleen Ruiz,\"11/11/26, 11:00 PM\",,INCOMING,https://www.linkedin.com/in/p10,https://www.linkedin.com/in/c\r\n";
        let reference = one_piece(export.as_bytes());
        // Every needed column is before the quote, but the header swallows
        // the first row: the quote is named rather than the row lost.
        assert!(
            reference
                .starts_with("error: p.csv: line 1: the quote (\") before “inviteeProfileUrl”"),
            "{reference}"
        );
        same_every_way(export.as_bytes(), 1, 2);
    }

    /// A stray comma at the end of a row (empty fields past the header's)
    /// leaves the row whole: it is read, on every path. A field with
    /// something in it there is not a stray comma.
    #[test]
    fn empty_fields_past_the_header_are_a_stray_comma() {
        let row = |name: &str, tail: &str| super::received(name, "\"7/8/26, 3:43 PM\"", tail);
        let text = format!(
            "{H}{}{}{}{}{}",
            row("ann", ","),
            row("bo", ",\"\", "),
            row("cy", ",x"),
            row("dd", ",\"\"\"\""),
            row("di", "")
        );
        let i = super::load_str(&text);
        assert_eq!(i.invitations.len(), 3);
        // A quote, doubled, is something.
        let skipped: Vec<_> = i
            .skipped
            .iter()
            .map(|s| (s.line, s.reason.as_str()))
            .collect();
        assert_eq!(
            skipped,
            [
                (4, "has 8 fields where the header has 7"),
                (5, "has 8 fields where the header has 7")
            ]
        );
        same_every_way(text.as_bytes(), 64, 2);
    }

    /// A quote left open in the middle of a long export: the chunks before
    /// it stand, and the rest is read again in one piece, with the same
    /// rows, skipped rows and duplicates as one reading of the whole.
    #[test]
    fn a_stray_quote_rereads_only_from_its_chunk() {
        let mut text = String::from(HEADER);
        text.push('\n');
        for i in 0..400 {
            let quote = if i == 250 { "\"" } else { "" };
            let note = if i % 3 == 0 {
                "\"Hi, we met\nat the summit\""
            } else {
                "Hi Colleen"
            };
            text.push_str(&format!(
                    "{quote}Person {i},Colleen Ruiz,\"1/{}/26, 1:00 PM\",{note},INCOMING,https://www.linkedin.com/in/p{},https://www.linkedin.com/in/c\n",
                    i % 28 + 1,
                    i % 390,
                ));
        }
        let reference = one_piece(text.as_bytes());
        assert!(
            reference.contains("line: "),
            "a row is skipped: {reference}"
        );
        same_every_way(text.as_bytes(), 2048, 2);
    }

    /// A quote inside a field (literal there), then one that opens a
    /// later field and is never closed: counting quotes puts a cut
    /// after the second, so the chunk that holds them ends inside a
    /// quoted field, fails, and is read again from its own start, on
    /// one thread or several, in place or streamed.
    #[test]
    fn a_quote_that_misleads_the_cut_rereads_from_its_chunk() {
        let mut text = String::from(HEADER);
        text.push('\n');
        for i in 0..400 {
            let from = match i {
                250 => format!("Per\"son {i}"),
                253 => format!("\"Person {i}"),
                _ => format!("Person {i}"),
            };
            text.push_str(&format!(
                    "{from},Colleen Ruiz,1/{}/26 1:00 PM,Hi Colleen,INCOMING,https://www.linkedin.com/in/p{i},https://www.linkedin.com/in/c\n",
                    i % 28 + 1,
                ));
        }
        let reference = one_piece(text.as_bytes());
        assert!(reference.contains("line: 255"), "{reference}");
        assert!(reference.contains("\"Person 399\""), "{reference}");
        for threads in [1, 2, 3] {
            same_every_way(text.as_bytes(), 1024, threads);
        }
    }

    /// Everything an import tells, as text to compare.
    fn told(r: Result<Import, ImportError>) -> String {
        match r {
            Err(e) => format!("error: {e}"),
            Ok(i) => format!(
                "{:?}",
                (
                    i.invitations
                        .iter()
                        .map(|v| {
                            (
                                v.line,
                                v.id,
                                v.from(),
                                v.to(),
                                v.message(),
                                v.inviter_url(),
                                v.invitee_url(),
                                v.sent_at,
                                v.direction,
                            )
                        })
                        .collect::<Vec<_>>(),
                    &i.skipped,
                    &i.duplicates,
                    i.encoding,
                    i.replaced_rows,
                    i.undoubled_rows,
                    i.first_undoubled_line,
                )
            ),
        }
    }

    /// Reads `bytes` the plain way (one piece, the careful path only)
    /// and in small chunks on several threads with and without the fast
    /// path, and checks that all readings tell the same; and that
    /// reading only the facts finds the same rows.
    pub(super) fn same_every_way(bytes: &[u8], chunk_len: usize, threads: usize) {
        let careful = Plan {
            chunk_len: usize::MAX,
            threads: 1,
            fast: false,
            in_place: false,
        };
        let reference = told(load_bytes_with("p.csv", bytes, None, careful, now()));
        for plan in [
            Plan {
                fast: true,
                ..careful
            },
            Plan {
                in_place: true,
                ..careful
            },
            Plan {
                chunk_len,
                threads,
                fast: false,
                in_place: false,
            },
            Plan {
                chunk_len,
                threads,
                fast: true,
                in_place: false,
            },
            Plan {
                chunk_len,
                threads,
                fast: false,
                in_place: true,
            },
            Plan {
                chunk_len,
                threads,
                fast: true,
                in_place: true,
            },
        ] {
            let other = told(load_bytes_with("p.csv", bytes, None, plan, now()));
            assert_eq!(
                reference,
                other,
                "{plan:?}\n{:?}",
                String::from_utf8_lossy(bytes)
            );
        }
        let plan = Plan {
            chunk_len,
            threads,
            fast: true,
            in_place: true,
        };
        let whole: Result<Import, _> = load_bytes_with("p.csv", bytes, None, careful, now());
        let facts: Result<Import<Facts>, _> = load_bytes_with("p.csv", bytes, None, plan, now());
        match (whole, facts) {
            (Ok(w), Ok(f)) => {
                use crate::stats::{Counted, breakdown};
                // Counted as they were read, the duplicates taken out
                // after: the same as counting the rows left.
                assert_eq!(
                    breakdown(&w.invitations, DirectionFilter::All),
                    f.invitations.breakdown()
                );
                let w: Vec<Facts> = w.invitations.iter().map(Counted::facts).collect();
                let f: Vec<Facts> = f.invitations.iter().copied().collect();
                assert_eq!(w, f);
            }
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
            (a, b) => panic!(
                "{:?} against {:?}",
                a.map(|i| i.invitations.len()),
                b.map(|i| i.invitations.len())
            ),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 256,
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        #[test]
        fn quote_checks_agree(raw in "[a\",\r\n]{0,40}") {
            let raw = raw.as_bytes();
            prop_assert_eq!(check_quotes(raw), check_quotes_slowly(raw));
        }

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
            check(&bytes);
        }

        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
            check(text.as_bytes());
            check(format!("{H}{text}").as_bytes());
        }

        #[test]
        fn csvish_text_never_panics(text in "[a-c,\"\r\n ]{0,300}") {
            check(format!("{H}{text}").as_bytes());
        }

        #[test]
        fn almost_valid_exports(
            export in valid_export(0),
            mutations in proptest::collection::vec(mutation(), 0..6),
            crlf in any::<bool>(),
            ends in proptest::collection::vec(0u8..4, 1..4),
        ) {
            let export = if crlf { export.replace('\n', "\r\n") } else { export };
            let export = mixed_ends(&export, &ends);
            let mut bytes = export.into_bytes();
            let clean = load_bytes("p.csv", &bytes).unwrap();
            prop_assert!(clean.skipped.is_empty(), "{:?}", clean.skipped);
            for (at, what) in mutations {
                let i = at.index(bytes.len() + 1);
                bytes.splice(i..i, what.iter().copied());
            }
            check(&bytes);
        }

        /// Cutting the file into chunks read on several threads, and
        /// the fast path, change nothing: not on valid exports, not on
        /// broken ones, not on noise.
        #[test]
        fn every_way_of_reading_agrees(
            export in valid_export(0),
            mutations in proptest::collection::vec(mutation(), 0..6),
            crlf in any::<bool>(),
            ends in proptest::collection::vec(0u8..4, 1..4),
            chunk_len in 1usize..200,
            threads in 2usize..4,
        ) {
            let export = if crlf { export.replace('\n', "\r\n") } else { export };
            let export = mixed_ends(&export, &ends);
            let mut bytes = export.into_bytes();
            // Each row on the line an editor shows it on.
            let mut starts = Vec::new();
            let mut quoted = false;
            for (i, &b) in bytes.iter().enumerate() {
                quoted ^= b == b'"';
                let end = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
                if !quoted && end && i + 1 < bytes.len() {
                    starts.push(line_count(&bytes[..=i]) as u64);
                }
            }
            let clean = load_bytes("p.csv", &bytes).unwrap();
            let mut read: Vec<u64> = clean
                .invitations
                .iter()
                .map(|i| u64::from(i.line))
                .chain(clean.duplicates.iter().map(|d| d.line))
                .collect();
            read.sort_unstable();
            prop_assert_eq!(read, starts, "{:?}", String::from_utf8_lossy(&bytes));
            same_every_way(&bytes, chunk_len, threads);
            for (at, what) in mutations {
                let i = at.index(bytes.len() + 1);
                bytes.splice(i..i, what.iter().copied());
            }
            same_every_way(&bytes, chunk_len, threads);
        }

        #[test]
        fn every_way_of_reading_agrees_on_noise(
            text in "[a-c,\"\r\n ]{0,300}",
            bytes in proptest::collection::vec(any::<u8>(), 0..600),
            chunk_len in 1usize..100,
        ) {
            same_every_way(format!("{H}{text}").as_bytes(), chunk_len, 2);
            same_every_way(&bytes, chunk_len, 2);
        }

        /// A quote that opens a field and is never closed costs that
        /// row, not the rows after it.
        #[test]
        fn one_stray_quote_costs_one_row(
            export in valid_export(1),
            pick in any::<proptest::sample::Index>(),
            crlf in any::<bool>(),
        ) {
            let export = if crlf { export.replace('\n', "\r\n") } else { export };
            let clean = load_bytes("p.csv", export.as_bytes()).unwrap();
            let rows = clean.invitations.len() + clean.duplicates.len();
            // Field starts outside quotes, after the header.
            let mut starts = Vec::new();
            let mut quoted = false;
            let bytes = export.as_bytes();
            for (i, &b) in bytes.iter().enumerate() {
                if b == b'"' {
                    quoted = !quoted;
                } else if !quoted && (b == b',' || b == b'\n') && i + 1 < bytes.len() && bytes[i + 1] != b'\r' {
                    starts.push(i + 1);
                }
            }
            starts.retain(|&i| i > H.len());
            prop_assume!(!starts.is_empty());
            let at = starts[pick.index(starts.len())];
            let mut broken = export.clone();
            broken.insert(at, '"');
            let i = load_bytes("p.csv", broken.as_bytes()).unwrap();
            prop_assert!(
                i.invitations.len() + i.duplicates.len() + 1 >= rows,
                "{} of {rows} rows read, skipped {:?}\n{broken}",
                i.invitations.len() + i.duplicates.len(),
                i.skipped
            );
            // The row, and perhaps a fragment of it on the next line.
            prop_assert!(i.skipped.len() <= 2, "{:?}\n{broken}", i.skipped);
        }
    }
}

/// A stream read once (standard input, a pipe, a device) is refused on
/// its first bytes when they are not an export: `/dev/zero` never ends.
#[test]
fn an_endless_binary_stream_is_refused_on_its_first_bytes() {
    let err = read_stream(&mut io::repeat(0), "standard input").unwrap_err();
    assert!(
        matches!(&err, ImportError::Binary { origin } if origin == "standard input"),
        "{err}"
    );
    let csv = format!("{H}{}\n", "x".repeat(HEAD_LEN * 2));
    let read = read_stream(&mut io::Cursor::new(csv.as_bytes()), "pipe").unwrap();
    assert_eq!(read, csv.as_bytes(), "past the first bytes, all of it");
    let zip = b"PK\x03\x04\0\0\0";
    assert_eq!(
        read_stream(&mut &zip[..], "pipe").unwrap(),
        zip,
        "a zip is left to the zip reader"
    );
}

/// An endless stream of text (`yes a,b,c | invitriage stats -`) is refused
/// on its first lines when they hold no header, and past a limit when they
/// do: never read until memory runs out.
#[test]
fn an_endless_text_stream_is_refused() {
    /// `text` again and again, for ever.
    struct Endless(&'static [u8], usize);
    impl Read for Endless {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            for b in buf.iter_mut() {
                *b = self.0[self.1 % self.0.len()];
                self.1 += 1;
            }
            Ok(buf.len())
        }
    }
    let err = read_stream(&mut Endless(b"a,b,c\n", 0), "standard input").unwrap_err();
    assert!(
        matches!(err, ImportError::MissingColumns { .. }),
        "at once, as for a file: {err}"
    );
    // One line longer than the head, no header: at once too.
    let err = read_stream_up_to(&mut Endless(b"x", 0), "standard input", 1 << 20).unwrap_err();
    assert!(
        matches!(err, ImportError::MissingColumns { .. }),
        "at once, not when the stream ends: {err}"
    );
    let rows = b"From,To,Sent At,Message,Direction\nA,B,\"7/8/26, 3:43 PM\",,INCOMING\n";
    // The header once, then rows for ever.
    let header = 34;
    let mut stream = (&rows[..header]).chain(Endless(&rows[header..], 0));
    let err = read_stream_up_to(&mut stream, "standard input", 1 << 20).unwrap_err();
    assert_eq!(
        err.to_string(),
        "standard input: more than 1 MB and still coming, more than any LinkedIn export (a million invitations take about 214 MB); expected Invitations.csv or the export .zip"
    );
    // Up to the limit, all of it.
    let csv = format!(
        "{}{}",
        std::str::from_utf8(&rows[..header]).unwrap(),
        std::str::from_utf8(&rows[header..]).unwrap().repeat(3000)
    );
    let read = read_stream_up_to(&mut io::Cursor::new(csv.as_bytes()), "pipe", 1 << 20).unwrap();
    assert_eq!(read.len(), csv.len());
}

/// A terminal's Ctrl-D ends one read, not the stream: what was typed and
/// ended once is the whole input, without waiting for a second Ctrl-D.
#[test]
fn one_end_of_input_from_a_terminal_is_enough() {
    /// Gives its text, then one end, then would block for more: as a
    /// terminal does after Ctrl-D.
    struct Tty(Vec<&'static [u8]>);
    impl Read for Tty {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match self.0.first() {
                None => panic!("read again after the end"),
                Some(part) => {
                    let n = part.len();
                    buf[..n].copy_from_slice(part);
                    self.0.remove(0);
                    Ok(n)
                }
            }
        }
    }
    let mut tty = Tty(vec![
        &b"From,To,Sent At,Message,Direction\n"[..],
        b"A,B,\"7/8/26, 3:43 PM\",,INCOMING\n",
        b"",
    ]);
    let read = read_stream(&mut tty, "standard input").unwrap();
    assert!(read.ends_with(b"INCOMING\n"));
}

/// A UTF-8 export with one bad byte (a note cut inside a character) keeps
/// its accents: only that byte reads as U+FFFD, and the notice names the
/// line. A Windows-1252 one is still read as such.
#[test]
fn a_few_bad_bytes_in_utf8_do_not_make_it_windows_1252() {
    let text = format!(
        "{H}Ren\u{e9} Ngo,B,\"7/8/26, 3:43 PM\",,INCOMING,u1,u2\n\
         Zo\u{eb} M\u{fc}ller,B,\"7/8/26, 3:43 PM\",Caf\u{e9} BAD,INCOMING,u3,u2\n"
    );
    let mut bytes = text.clone().into_bytes();
    let at = bytes.windows(4).position(|w| w == b"Caf\xc3").unwrap() + 6;
    bytes.insert(at, 0xFF);
    let i = load_bytes("t.csv", &bytes).unwrap();
    assert_eq!(i.encoding, TextEncoding::Utf8Mostly);
    assert_eq!(i.invitations[0].from(), "Ren\u{e9} Ngo");
    assert_eq!(i.invitations[1].from(), "Zo\u{eb} M\u{fc}ller");
    assert_eq!(i.invitations[1].message(), "Caf\u{e9} \u{fffd}BAD");
    assert_eq!(
        i.notices(),
        [
            "t.csv: 1 row holds bytes that are not UTF-8 (line 3) although the rest of the file is; shown as \u{fffd}"
        ]
    );
    // A row skipped for another reason has its own warning: it is not one
    // of the rows shown with U+FFFD, and only the file's encoding is told,
    // without a U+FFFD nobody sees.
    let at = bytes
        .windows(12)
        .position(|w| w == b"BAD,INCOMING")
        .unwrap()
        + 4;
    bytes[at..at + 8].copy_from_slice(b"SIDEWAYS");
    let i = load_bytes("t.csv", &bytes).unwrap();
    assert_eq!(i.skipped.len(), 1, "{:?}", i.skipped);
    assert_eq!(
        i.notices(),
        [
            "t.csv: the file holds bytes that are not UTF-8 although the rest is, none of them in the rows kept"
        ]
    );
    let i = load_bytes("t.csv", &cp1252(&text)).unwrap();
    assert_eq!(i.encoding, TextEncoding::Windows1252Fallback);
}

/// A UTF-8 export with a few rows of Windows-1252 added (as an old
/// spreadsheet or a script appends them): `rows` rows after the header,
/// those counted in `cp1252_at` (from 1) in Windows-1252, every line ended
/// with `eol`.
fn utf8_with_windows_1252_rows(rows: usize, cp1252_at: &[usize], eol: &str) -> Vec<u8> {
    let mut bytes = H.trim_end().as_bytes().to_vec();
    bytes.extend_from_slice(eol.as_bytes());
    for i in 1..=rows {
        let row = if cp1252_at.contains(&i) {
            cp1252(&format!(
                "Pat O\u{2019}Neil {i},B,\"7/8/26, 3:43 PM\",\"we met at \u{201c}LogiMAT\u{201d} \u{2013} great talk!\",INCOMING,u{i},u0"
            ))
        } else {
            format!(
                "Zo\u{eb} M\u{fc}ller {i},B,\"7/8/26, 3:43 PM\",\"the \u{201c}Supply Chain\u{201d} summit \u{2013} you\u{2019}re the speaker\u{2026} Caf\u{e9} talk!\",INCOMING,u{i},u0"
            )
            .into_bytes()
        };
        bytes.extend_from_slice(&row);
        bytes.extend_from_slice(eol.as_bytes());
    }
    bytes
}

/// A file of rows in Windows-1252 and rows in UTF-8, each row ended: those
/// of `utf8` (a row's lines, from 2) are UTF-8, the rest Windows-1252.
fn rows_in_two_encodings(rows: &[String], utf8: &[usize]) -> Vec<u8> {
    let mut bytes = H.as_bytes().to_vec();
    for (i, row) in rows.iter().enumerate() {
        if utf8.contains(&(i + 2)) {
            bytes.extend_from_slice(row.as_bytes());
        } else {
            bytes.extend_from_slice(&cp1252(row));
        }
        bytes.push(b'\n');
    }
    bytes
}

/// A file not all UTF-8 is read row by row when any of it is UTF-8, however
/// little: a row of UTF-8 among many of Windows-1252 full of accents and
/// curly quotes (which outweigh it, byte for byte) keeps its name, as the
/// rows of Windows-1252 keep theirs. The note names the fewer rows: those
/// of UTF-8 when they are not more than the others.
#[test]
fn a_row_of_utf8_among_windows_1252_is_read_as_utf8() {
    let renee = |n: usize| {
        format!(
            "Ren\u{e9}e C\u{f4}t\u{e9} {n},B,\"7/8/26, 3:43 PM\",\"I\u{2019}d love to connect \u{2013} we met at the \u{201c}Lyon\u{201d} fair\",INCOMING,u{n},u0"
        )
    };
    let zoe = "Zo\u{eb} M\u{fc}ller,B,\"7/8/26, 3:43 PM\",We met at the Z\u{fc}rich meetup \u{2013} let\u{2019}s talk,INCOMING,uz,u0";
    let jose = "Jos\u{e9} N\u{fa}\u{f1}ez,B,\"7/8/26, 3:43 PM\",,INCOMING,uj,u0";
    let plain = |n: usize| format!("Pat {n},B,\"7/8/26, 3:43 PM\",,INCOMING,up{n},u0");
    let froms = |i: &Import| -> Vec<String> {
        i.invitations
            .iter()
            .map(|v| v.from().to_string())
            .filter(|f| !f.is_ascii())
            .collect()
    };
    // Windows-1252 but for one row.
    let mut rows: Vec<String> = (1..=6).map(renee).collect();
    rows.insert(3, zoe.to_string());
    let i = load_bytes("t.csv", &rows_in_two_encodings(&rows, &[5])).unwrap();
    assert_eq!(i.encoding.label(), "Windows-1252 (some rows UTF-8)");
    assert_eq!(i.invitations[3].from(), "Zo\u{eb} M\u{fc}ller");
    assert_eq!(
        i.invitations[3].message(),
        "We met at the Z\u{fc}rich meetup \u{2013} let\u{2019}s talk"
    );
    assert_eq!(i.invitations[4].from(), "Ren\u{e9}e C\u{f4}t\u{e9} 4");
    assert_eq!(
        i.invitations[4].message(),
        "I\u{2019}d love to connect \u{2013} we met at the \u{201c}Lyon\u{201d} fair"
    );
    assert_eq!(
        i.notices(),
        [
            "t.csv: 1 row is UTF-8 (line 5) and the other rows with letters or signs beyond ASCII are not; read it as UTF-8, and those as Windows-1252 (check names with accents)"
        ]
    );
    // An export of UTF-8, most of it ASCII, with rows of Windows-1252
    // appended: as many rows of UTF-8 as of Windows-1252, or fewer.
    let mut rows: Vec<String> = (1..=35).map(plain).collect();
    rows.insert(5, zoe.to_string());
    rows.insert(12, jose.to_string());
    rows.extend((1..=3).map(renee));
    let i = load_bytes("t.csv", &rows_in_two_encodings(&rows, &[7, 14])).unwrap();
    assert_eq!(
        froms(&i),
        [
            "Zo\u{eb} M\u{fc}ller",
            "Jos\u{e9} N\u{fa}\u{f1}ez",
            "Ren\u{e9}e C\u{f4}t\u{e9} 1",
            "Ren\u{e9}e C\u{f4}t\u{e9} 2",
            "Ren\u{e9}e C\u{f4}t\u{e9} 3"
        ]
    );
    assert_eq!(
        i.notices(),
        [
            "t.csv: 2 rows are UTF-8 (lines 7 and 14) and the other rows with letters or signs beyond ASCII are not; read them as UTF-8, and those as Windows-1252 (check names with accents)"
        ]
    );
    // Rows weigh, not bytes: two short rows of UTF-8 outnumber one of
    // Windows-1252 that outweighs them.
    let rows = [jose.to_string(), renee(1), jose.replace("uj", "uk")];
    let i = load_bytes("t.csv", &rows_in_two_encodings(&rows, &[2, 4])).unwrap();
    assert_eq!(i.encoding.label(), "UTF-8 (some bytes not)");
    assert_eq!(
        froms(&i),
        [
            "Jos\u{e9} N\u{fa}\u{f1}ez",
            "Ren\u{e9}e C\u{f4}t\u{e9} 1",
            "Jos\u{e9} N\u{fa}\u{f1}ez"
        ]
    );
    assert_eq!(
        i.notices(),
        [
            "t.csv: 1 row is not UTF-8 (line 3) although the rest of the file is; read it as Windows-1252 (check the names in it)"
        ]
    );
}

/// In a file read row by row and mostly Windows-1252, a row of UTF-8 but
/// for a character cut keeps its accents and shows the cut one as U+FFFD,
/// as in a file mostly UTF-8; its note says the rest of the row is UTF-8,
/// not the rest of the file.
#[test]
fn a_row_of_utf8_cut_short_among_windows_1252_shows_the_cut() {
    let renee = |n: usize| {
        format!("Ren\u{e9}e {n},B,\"7/8/26, 3:43 PM\",\u{201c}Lyon\u{201d},INCOMING,u{n},u0\n")
    };
    let mut bytes = H.as_bytes().to_vec();
    for n in 1..=3 {
        bytes.extend_from_slice(&cp1252(&renee(n)));
    }
    bytes.extend_from_slice(
        "Zo\u{eb} M\u{fc}ller,B,\"7/8/26, 3:43 PM\",Caf\u{e9} \u{2013} ".as_bytes(),
    );
    bytes.extend_from_slice(b"\xE2\x80,INCOMING,uz,u0\n");
    bytes.extend_from_slice("Jos\u{e9},B,\"7/8/26, 3:43 PM\",,INCOMING,uj,u0\n".as_bytes());
    let i = load_bytes("t.csv", &bytes).unwrap();
    assert_eq!(i.encoding.label(), "Windows-1252 (some rows UTF-8)");
    assert_eq!(i.invitations[3].from(), "Zo\u{eb} M\u{fc}ller");
    assert_eq!(i.invitations[3].message(), "Caf\u{e9} \u{2013} \u{fffd}");
    assert_eq!(i.invitations[4].from(), "Jos\u{e9}");
    assert_eq!(
        i.notices(),
        [
            "t.csv: 1 row is UTF-8 (line 6) and the other rows with letters or signs beyond ASCII are not; read it as UTF-8, and those as Windows-1252 (check names with accents)",
            "t.csv: 1 row holds bytes that are not UTF-8 (line 5) although the rest of the row is; shown as \u{fffd}"
        ]
    );
}

/// A file whose only UTF-8 is in a row skipped for another cause is
/// Windows-1252, said as such; the skipped row's warning shows its UTF-8
/// as written. A row of Windows-1252 that is UTF-8 by chance, in a C1
/// control (`VOILÂ…`), is no UTF-8: the file is read whole as Windows-1252, as a file with none.
#[test]
fn a_file_with_no_utf8_in_its_rows_kept_is_windows_1252() {
    let renee = |n: usize| {
        format!("Ren\u{e9}e {n},B,\"7/8/26, 3:43 PM\",\u{201c}Lyon\u{201d},INCOMING,u{n},u0\n")
    };
    let mut bytes = H.as_bytes().to_vec();
    bytes.extend_from_slice(&cp1252(&renee(1)));
    bytes.extend_from_slice("Zo\u{eb},B,\"7/8/26, 3:43 PM\",,RE\u{c7}U,uz,u0\n".as_bytes());
    bytes.extend_from_slice(&cp1252(&renee(2)));
    let i = load_bytes("t.csv", &bytes).unwrap();
    assert_eq!(i.encoding, TextEncoding::Windows1252Fallback);
    assert_eq!(i.invitations[1].from(), "Ren\u{e9}e 2");
    assert_eq!(
        i.skipped[0].to_string(),
        "line 3: Direction is `RE\u{c7}U`; expected INCOMING or OUTGOING"
    );
    assert_eq!(
        i.notices(),
        ["t.csv: the file is not UTF-8; read it as Windows-1252 (check names with accents)"]
    );
    let mut bytes = H.as_bytes().to_vec();
    bytes.extend_from_slice(&cp1252(&renee(1)));
    bytes.extend_from_slice(&cp1252(
        "Ana,B,\"7/8/26, 3:43 PM\",VOIL\u{c2}\u{2026},INCOMING,ua,u0\n",
    ));
    let i = load_bytes("t.csv", &bytes).unwrap();
    assert_eq!(i.encoding, TextEncoding::Windows1252Fallback);
    assert_eq!(i.invitations[1].message(), "VOIL\u{c2}\u{2026}");
    // Among rows of UTF-8 (in a file not all UTF-8), such a row is one of
    // Windows-1252.
    let mut bytes = H.as_bytes().to_vec();
    for n in 1..=3 {
        bytes.extend_from_slice(
            format!("Zo\u{eb} {n},B,\"7/8/26, 3:43 PM\",,INCOMING,u{n},u0\n").as_bytes(),
        );
    }
    bytes.extend_from_slice(&cp1252(&renee(4)));
    bytes.extend_from_slice(&cp1252(
        "Ana,B,\"7/8/26, 3:43 PM\",VOIL\u{c2}\u{2026},INCOMING,ua,u0\n",
    ));
    // Each row a chunk of its own, the fast path sees that row alone.
    for chunk_len in [1, usize::MAX] {
        let plan = Plan {
            chunk_len,
            threads: 2,
            fast: true,
            in_place: true,
        };
        let i: Import = load_bytes_with("t.csv", &bytes, None, plan, now()).unwrap();
        assert_eq!(i.invitations[4].message(), "VOIL\u{c2}\u{2026}");
        assert_eq!(
            i.notices(),
            [
                "t.csv: 2 rows are not UTF-8 (lines 5 and 6) although the rest of the file is; read them as Windows-1252 (check the names in them)"
            ]
        );
    }
}

/// Each row of Windows-1252 in a UTF-8 file is read as Windows-1252 on
/// its own, and the rows of UTF-8 as UTF-8: nobody's name is garbled, and
/// the note names the lines of the fewer (those of Windows-1252 among more
/// of UTF-8, else those of UTF-8), with `\n`, `\r\n` or a lone `\r`
/// ending them, in chunks cut anywhere, read in place or not, from a file
/// on disk and from an archive.
#[test]
fn windows_1252_rows_in_a_utf8_file_are_read_on_their_own() {
    let pat = |i: usize| format!("Pat O\u{2019}Neil {i}");
    let zoe = |i: usize| format!("Zo\u{eb} M\u{fc}ller {i}");
    let dir = tempfile::tempdir().unwrap();
    let layouts: [(&[usize], TextEncoding, &str); 2] = [
        (
            &[2, 4],
            TextEncoding::Utf8Mostly,
            "2 rows are not UTF-8 (lines 3 and 5) although the rest of the file is; read them as Windows-1252 (check the names in them)",
        ),
        (
            &[2, 3, 4],
            TextEncoding::Windows1252Mostly,
            "2 rows are UTF-8 (lines 2 and 6) and the other rows with letters or signs beyond ASCII are not; read them as UTF-8, and those as Windows-1252 (check names with accents)",
        ),
    ];
    for (eol, (cp1252_at, encoding, note)) in ["\n", "\r\n", "\r"]
        .into_iter()
        .flat_map(|eol| layouts.map(|layout| (eol, layout)))
    {
        let bytes = utf8_with_windows_1252_rows(5, cp1252_at, eol);
        let check = |i: &Import, how: &str| {
            assert_eq!(i.encoding, encoding, "{how}");
            let from: Vec<&str> = i.invitations.iter().map(|v| v.from()).collect();
            let want: Vec<String> = (1..=5)
                .map(|n| {
                    if cp1252_at.contains(&n) {
                        pat(n)
                    } else {
                        zoe(n)
                    }
                })
                .collect();
            assert_eq!(from, want, "{how}");
            assert_eq!(
                i.invitations[1].message(),
                "we met at \u{201c}LogiMAT\u{201d} \u{2013} great talk!",
                "{how}"
            );
            assert_eq!(lines(i), [2, 3, 4, 5, 6], "{how}");
            assert_eq!(i.notices(), [format!("{}: {note}", i.origin)], "{how}");
        };
        for chunk_len in [1, 150, usize::MAX] {
            for (fast, in_place) in [(false, false), (true, true)] {
                let plan = Plan {
                    chunk_len,
                    threads: 2,
                    fast,
                    in_place,
                };
                let i = load_bytes_with("t.csv", &bytes, None, plan, now()).unwrap();
                check(&i, &format!("{eol:?} {plan:?}"));
            }
        }
        let path = dir.path().join("Invitations.csv");
        std::fs::write(&path, &bytes).unwrap();
        check(
            &load(&Source::Path(path)).unwrap(),
            &format!("{eol:?} file"),
        );
        let mut zipped = io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut zipped);
        zip.start_file("Invitations.csv", zip::write::SimpleFileOptions::default())
            .unwrap();
        io::Write::write_all(&mut zip, &bytes).unwrap();
        zip.finish().unwrap();
        check(
            &load_bytes("export.zip", zipped.get_ref()).unwrap(),
            &format!("{eol:?} zip"),
        );
    }
    // One row, and more than the note names.
    let i = load_bytes("t.csv", &utf8_with_windows_1252_rows(3, &[2], "\n")).unwrap();
    assert_eq!(
        i.notices(),
        [
            "t.csv: 1 row is not UTF-8 (line 3) although the rest of the file is; read it as Windows-1252 (check the names in it)"
        ]
    );
    let many: Vec<usize> = (2..=8).collect();
    let i = load_bytes("t.csv", &utf8_with_windows_1252_rows(40, &many, "\n")).unwrap();
    assert_eq!(i.windows_1252_rows.count, 7);
    assert!(
        i.notices()[0]
            .starts_with("t.csv: 7 rows are not UTF-8 (lines 3, 4, 5, 6, 7 and 2 more) although"),
        "{:?}",
        i.notices()
    );
    // Skipped for another cause, the row has its own warning, in its own
    // encoding.
    let mut bytes = utf8_with_windows_1252_rows(3, &[2], "\n");
    let at = bytes.windows(8).rposition(|w| w == b"INCOMING").unwrap();
    let at = bytes[..at]
        .windows(8)
        .rposition(|w| w == b"INCOMING")
        .unwrap();
    bytes.splice(at..at + 8, cp1252("SORTIE \u{2013}"));
    let i = load_bytes("t.csv", &bytes).unwrap();
    assert_eq!(
        i.skipped[0].to_string(),
        "line 3: Direction is `SORTIE \u{2013}`; expected INCOMING or OUTGOING"
    );
    assert_eq!(
        i.notices(),
        [
            "t.csv: the file holds bytes that are not UTF-8 although the rest is, none of them in the rows kept"
        ]
    );
    // A file with a BOM says it is UTF-8: its rows of Windows-1252 are read
    // so too, and the note says what the file says.
    let bom = [
        &b"\xEF\xBB\xBF"[..],
        &utf8_with_windows_1252_rows(2, &[2], "\n"),
    ]
    .concat();
    let i = load_bytes("t.csv", &bom).unwrap();
    assert_eq!(i.invitations[1].from(), pat(2));
    assert_eq!(
        i.notices(),
        [
            "t.csv: 1 row is not UTF-8 (line 3) although the file says it is; read it as Windows-1252 (check the names in it)"
        ]
    );
    // A file of Windows-1252 alone is read whole as before.
    let i = load_bytes("t.csv", &utf8_with_windows_1252_rows(2, &[1, 2], "\n")).unwrap();
    assert_eq!(i.encoding, TextEncoding::Windows1252Fallback);
    assert_eq!(i.invitations[0].from(), pat(1));
}

/// Read a byte at a time, a character cut between two reads still counts
/// as UTF-8.
#[test]
fn mostly_utf8_counts_across_reads() {
    struct Dribble<'a>(&'a [u8]);
    impl Read for Dribble<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.0.len().min(buf.len()).min(1);
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }
    for (bytes, mostly) in [
        (&"é ü ß \u{1f600}\u{ff}"[..].as_bytes().to_vec(), true),
        (&b"caf\xe9 na\xefve \xc3\xa9".to_vec(), false),
        (&b"\xc3\xa9\xff\xff".to_vec(), false),
        (&b"\xc3\xa9\xff\xc3".to_vec(), false),
        (&b"\xc3\xa9\xc3\xa9\xc3\xa9\xff\xc3".to_vec(), true),
        // Bytes are weighed, not characters: a curly quote in UTF-8 (three
        // bytes) outweighs two in Windows-1252 (a byte each), not three.
        (&["\u{201c}".as_bytes(), b"\x93\x94"].concat(), true),
        (&["\u{201c}".as_bytes(), b"\x93\x94\x96"].concat(), false),
        // Windows-1252 that is UTF-8 by chance, in C1 controls, is no
        // UTF-8: `“VOILÂ…”`, `Â€`.
        (&b"\x93VOIL\xC2\x85".to_vec(), false),
        (&b"\xC2\x80\xff".to_vec(), false),
        // What else a pair of its makes is names' own: `Ș`, `ʻ`, `Γ`, and
        // `ɔ` (Akan `Kɔjo`, `É”` in Windows-1252).
        (
            &["\u{218}\u{2bb}\u{393}".as_bytes(), b"\x93\x94\x96"].concat(),
            true,
        ),
        (&["K\u{254}jo".as_bytes(), b"\x93"].concat(), true),
    ] {
        assert_eq!(mostly_utf8(Dribble(bytes)).unwrap(), mostly, "{bytes:?}");
        assert_eq!(mostly_utf8(&bytes[..]).unwrap(), mostly, "{bytes:?}");
    }
}

/// A note on standard input is read in the encodings an export is: the
/// Windows-1252 that a Windows terminal or an old editor writes included,
/// and said to be a guess.
#[test]
fn a_text_is_read_in_every_encoding_an_export_is() {
    let note = "Caf\u{e9} on Rua Augusta, we met";
    let utf16le: Vec<u8> = note.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let utf16be: Vec<u8> = note.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let cases: Vec<(Vec<u8>, TextEncoding)> = vec![
        (note.as_bytes().to_vec(), TextEncoding::Utf8),
        (
            [&[0xEF, 0xBB, 0xBF][..], note.as_bytes()].concat(),
            TextEncoding::Utf8Bom,
        ),
        (
            [&[0xFF, 0xFE][..], &utf16le].concat(),
            TextEncoding::Utf16Le,
        ),
        (
            [&[0xFE, 0xFF][..], &utf16be].concat(),
            TextEncoding::Utf16Be,
        ),
        (utf16le, TextEncoding::Utf16LeNoBom),
        (cp1252(note), TextEncoding::Windows1252Fallback),
    ];
    for (bytes, encoding) in cases {
        let (text, read_as) = read_text(&bytes[..]).unwrap();
        assert_eq!((text.as_str(), read_as), (note, encoding));
    }
    assert_eq!(
        read_text(&b""[..]).unwrap(),
        (String::new(), TextEncoding::Utf8)
    );
    let (text, _) = read_text(&b"\xEF\xBB\xBFCaf\xE9"[..]).unwrap();
    assert_eq!(text, "Caf\u{fffd}", "a BOM that says UTF-8 is believed");
    assert_eq!(
        read_text(&["Caf\u{e9} Zo\u{eb} ".as_bytes(), b"\xff"].concat()[..]).unwrap(),
        (
            "Caf\u{e9} Zo\u{eb} \u{fffd}".to_string(),
            TextEncoding::Utf8Mostly
        ),
        "one bad byte in UTF-8 does not make it Windows-1252"
    );
    assert_eq!(
        TextEncoding::Windows1252Fallback.notice("standard input", "the note"),
        Some(
            "standard input: the note is not UTF-8; read it as Windows-1252 (check names with accents)"
                .to_string()
        )
    );
    assert_eq!(
        TextEncoding::Utf8.notice("standard input", "the note"),
        None
    );
}

/// A folder with no export in it but a zip beside (the Downloads folder)
/// names the zip, LinkedIn's first (one with an Invitations.csv in it
/// would be read).
#[test]
fn a_folder_without_an_export_names_the_zips_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let err = |d: &Path| {
        load(&Source::Path(d.to_path_buf()))
            .unwrap_err()
            .to_string()
    };
    assert!(err(d).ends_with("or LinkedIn's export .zip"), "{}", err(d));
    let other = zip_with("Connections.csv", "First Name,Last Name\n");
    std::fs::write(d.join("a-photos.zip"), &other).unwrap();
    std::fs::write(d.join("Basic_LinkedInDataExport_11-26-2026.zip"), &other).unwrap();
    assert!(
        err(d).ends_with(&format!(
            "or LinkedIn's export .zip (it holds {} and 1 more .zip, with no Invitations.csv found in them)",
            d.join("Basic_LinkedInDataExport_11-26-2026.zip").display()
        )),
        "{}",
        err(d)
    );
}

/// A date written day first, as a spreadsheet re-saving the export does,
/// is skipped with the likely cause: the rows read may be misread.
#[test]
fn a_day_first_date_names_the_likely_cause() {
    // Mixed: C's date can only be month first, so the file is not read
    // day first.
    let text = format!(
        "{H}A,Colleen Ruiz,25/11/2026 14:05,,INCOMING,https://www.linkedin.com/in/a,https://www.linkedin.com/in/c\n\
         B,Colleen Ruiz,yesterday,,INCOMING,https://www.linkedin.com/in/b,https://www.linkedin.com/in/c\n\
         C,Colleen Ruiz,11/24/2026 09:00,,INCOMING,https://www.linkedin.com/in/cc,https://www.linkedin.com/in/c\n"
    );
    let i = load_str(&text);
    assert!(!i.read_day_first);
    assert_eq!(i.skipped.len(), 2);
    assert!(
        i.skipped[0].reason.ends_with(
            "; it looks day-first, as a spreadsheet re-saving the export writes dates: the rows read may have day and month swapped, so use the export as LinkedIn sent it"
        ),
        "{}",
        i.skipped[0].reason
    );
    assert!(!i.skipped[1].reason.contains("day-first"));
    assert!(!i.notices().iter().any(|n| n.contains("day first")));
    assert!(looks_day_first("31.12.25"));
    assert!(!looks_day_first("12/31/25, 9:00 AM"));
    assert!(!looks_day_first("2026-11-25"));
}

/// An export a spreadsheet re-saved day first: one day over 12 and no
/// date that reads only month first, and the whole file is read day first,
/// on every path, with a note. With no day over 12 anywhere, the order
/// cannot be told: read month first, and said so. LinkedIn's own form
/// never is in doubt.
#[test]
fn dates_re_saved_day_first_are_read_so() {
    let row = |name: &str, sent: &str| received(name, sent, "");
    // Every row read, and their dates.
    let read = |text: &str| {
        let i = load_str(text);
        assert!(i.skipped.is_empty(), "{:?}", i.skipped);
        let sent: Vec<_> = i.invitations.iter().map(|i| i.sent_at).collect();
        (i, sent)
    };
    let text = format!(
        "{H}{}{}{}",
        row("a", "25/11/2026 14:05"),
        row("b", "03/11/2026 09:15"),
        row("c", "02/01/2026 08:00")
    );
    let (i, sent) = read(&text);
    assert_eq!(
        sent,
        [
            dt(2026, 11, 25, 14, 5),
            dt(2026, 11, 3, 9, 15),
            dt(2026, 1, 2, 8, 0)
        ]
    );
    let notes = i.notices();
    assert!(
        notes.iter().any(|n| n
            == "t.csv: 1 row has Sent At written day first (line 2: 25/11/2026), as a spreadsheet writes dates in a language that puts the day first, and none month first: dates not in LinkedIn's own form are read day first (line 3: 03/11/2026 read as 3 November 2026, not 11 March 2026)"),
        "{notes:?}"
    );
    properties::same_every_way(text.as_bytes(), 64, 2);

    // Every day 12 or less: month first, with a word.
    let text = format!(
        "{H}{}{}",
        row("a", "03/11/2026 09:15"),
        row("b", "05/11/2026 10:00")
    );
    let i = load_str(&text);
    assert_eq!(i.invitations[0].sent_at, dt(2026, 3, 11, 9, 15));
    let notes = i.notices();
    assert!(
        notes.iter().any(|n| n
            .contains("Sent At of 2 rows is written as a spreadsheet writes dates")
            && n.contains("day and month are swapped")),
        "{notes:?}"
    );
    // Day-first rows added to LinkedIn's own rows: theirs stay month
    // first, whatever the others are, and the others are read day first.
    let text = format!(
        "{H}{}{}{}{}",
        row("a", "\"11/10/26, 4:02 PM\""),
        row("b", "25/11/2026 14:05"),
        row("c", "\"5/10/26, 8:31 AM\""),
        row("d", "03/11/2026 09:15")
    );
    let (i, sent) = read(&text);
    assert!(i.read_day_first);
    assert_eq!(
        sent,
        [
            dt(2026, 11, 10, 16, 2),
            dt(2026, 11, 25, 14, 5),
            dt(2026, 5, 10, 8, 31),
            dt(2026, 11, 3, 9, 15)
        ]
    );
    // A quote left open in a day-first file: the rows after it are told
    // by their day-first dates, and read on their own.
    let text = format!(
        "{H}{}A,Colleen Ruiz,24/11/2026 10:00,\"open,INCOMING,u,v\n{}{}",
        row("d", "26/11/2026 14:05"),
        row("b", "25/11/2026 14:05"),
        row("c", "23/11/2026 14:05")
    );
    let i = load_str(&text);
    assert!(i.read_day_first);
    let names: Vec<_> = i.invitations.iter().map(|i| i.from()).collect();
    assert_eq!(names, ["d", "b", "c"], "{:?}", i.skipped);
    // LinkedIn's own form, and ISO: no word.
    let text = format!(
        "{H}{}{}",
        row("a", "\"3/11/26, 9:15 AM\""),
        row("b", "2026-11-05 10:00")
    );
    assert!(
        !load_str(&text)
            .notices()
            .iter()
            .any(|n| n.contains("Sent At"))
    );
}

/// The import's notes about `Sent At`.
fn date_notes(i: &Import) -> Vec<String> {
    i.notices()
        .into_iter()
        .filter(|n| n.contains("Sent At"))
        .collect()
}

/// The note on a file read day first quotes the file's own first date
/// written day first, and its line, and how a date of either order in it
/// was read: the first one in the file however it is cut into chunks.
#[test]
fn the_day_first_note_names_the_first_line_and_the_files_date() {
    let row = |name: &str, sent: &str| received(name, sent, "");
    // One day-first date and no date of either order: no example of how
    // one was read.
    let text = format!(
        "{H}{}{}",
        row("a", "\"11/10/26, 4:02 PM\""),
        row("b", "30/10/2026 15:43")
    );
    let i = load_str(&text);
    assert!(i.read_day_first);
    assert_eq!(
        date_notes(&i),
        [
            "t.csv: 1 row has Sent At written day first (line 3: 30/10/2026), as a spreadsheet writes dates in a language that puts the day first, and none month first: dates not in LinkedIn's own form are read day first"
        ]
    );
    // Several, after a date of either order and LinkedIn's own form.
    let text = format!(
        "{H}{}{}{}{}{}",
        row("a", "03/04/2026 10:00"),
        row("b", "\"11/10/26, 4:02 PM\""),
        row("c", "16/11/2026 09:15"),
        row("d", "15/11/2026 14:05"),
        row("e", "13/10/2026 08:00")
    );
    let want = "t.csv: 3 rows have Sent At written day first (the first on line 4: 16/11/2026), as a spreadsheet writes dates in a language that puts the day first, and none month first: dates not in LinkedIn's own form are read day first (line 2: 03/04/2026 read as 3 April 2026, not 4 March 2026)";
    let i = load_str(&text);
    assert!(i.read_day_first);
    assert_eq!(date_notes(&i), [want]);
    // In chunks of 1 to 200 bytes on 2 and 3 threads, every path: the
    // first is the file's first, whichever piece is joined first.
    for chunk_len in 1..200 {
        for threads in [2, 3] {
            for (fast, in_place) in [(false, false), (true, false), (false, true), (true, true)] {
                let plan = Plan {
                    chunk_len,
                    threads,
                    fast,
                    in_place,
                };
                let i: Import =
                    load_bytes_with("t.csv", text.as_bytes(), None, plan, now()).unwrap();
                assert_eq!(date_notes(&i), [want], "{plan:?}");
            }
        }
    }
    // Joined in either order, the pieces keep the earliest line.
    let earlier = load_str(&format!("{H}{}", row("a", "16/11/2026 09:15"))).slash_dates;
    let later = load_str(&format!(
        "{H}{}{}{}",
        row("a", "03/04/2026 10:00"),
        row("b", "02/04/2026 10:00"),
        row("c", "15/11/2026 14:05")
    ))
    .slash_dates;
    for (mut a, b) in [(earlier, later), (later, earlier)] {
        a.add(b);
        let first = a.first_day_first.unwrap();
        assert_eq!((first.line, first.date()), (2, "16/11/2026"));
        assert_eq!(a.day_first, 2);
    }
}

/// Dates whose order cannot be told (no day over 12) are read month first,
/// and the note shows how a line of the file was read: the date latest
/// month first. LinkedIn's own form is not counted, and a date that is the
/// same either way is in no doubt.
#[test]
fn the_note_on_dates_of_either_order_names_a_line() {
    let row = |name: &str, sent: &str| received(name, sent, "");
    let text = format!(
        "{H}{}{}",
        row("a", "03/04/2026 10:00"),
        row("b", "02/11/2026 09:15")
    );
    let i = load_str(&text);
    assert!(!i.read_day_first);
    assert_eq!(i.invitations[0].sent_at, dt(2026, 3, 4, 10, 0));
    assert_eq!(
        date_notes(&i),
        [
            "t.csv: Sent At of 2 rows is written as a spreadsheet writes dates, not as LinkedIn does, and no day is over 12 to tell day from month: read month first, as LinkedIn writes dates (line 2: 03/04/2026 read as 4 March 2026); if the spreadsheet wrote them day first, day and month are swapped"
        ]
    );
    // The line named is the spreadsheet's, not LinkedIn's.
    let text = format!(
        "{H}{}{}",
        row("a", "\"12/3/26, 9:00 AM\""),
        row("b", "03/04/2026 10:00")
    );
    let i = load_str(&text);
    assert_eq!(i.invitations[0].sent_at, dt(2026, 12, 3, 9, 0));
    let notes = date_notes(&i);
    assert!(
        notes[0].starts_with("t.csv: Sent At of 1 row is written")
            && notes[0].contains("(line 3: 03/04/2026 read as 4 March 2026)"),
        "{notes:?}"
    );
    // The same number twice is the same date either way: nothing in doubt.
    let same = load_str(&format!("{H}{}", row("a", "05/05/2026 10:00")));
    assert!(!same.notices().iter().any(|n| n.contains("Sent At")));
}

/// No invitation is sent in the future: dates whose order cannot be told
/// that month first puts in the future, and day first does not, are read
/// day first, on every path, and the note says why. LinkedIn's own form
/// stays month first and is not counted; a day over 12 decides as before.
#[test]
fn dates_month_first_would_put_in_the_future_are_read_day_first() {
    let row = |name: &str, sent: &str| received(name, sent, "");
    // Read at `now` (25 November 2026), as another time.
    let read_at = |text: &str, now: NaiveDateTime| {
        let i: Import =
            load_bytes_with("t.csv", text.as_bytes(), None, Plan::default(), now).unwrap();
        assert!(i.skipped.is_empty(), "{:?}", i.skipped);
        let sent: Vec<_> = i.invitations.iter().map(|i| i.sent_at).collect();
        let notes: Vec<_> = i
            .notices()
            .into_iter()
            .filter(|n| n.contains("Sent At"))
            .collect();
        (i.read_day_first, sent, notes)
    };
    let read = |text: &str| read_at(text, now());
    // 12/03/2026 is 3 December month first, after `now`; day first, both
    // dates are past.
    let future = format!(
        "{H}{}{}",
        row("a", "12/03/2026 10:00"),
        row("b", "04/11/2026 09:15")
    );
    let (day_first, sent, notes) = read(&future);
    assert!(day_first);
    assert_eq!(sent, [dt(2026, 3, 12, 10, 0), dt(2026, 11, 4, 9, 15)]);
    assert_eq!(
        notes,
        [
            "t.csv: Sent At of 2 rows is written as a spreadsheet writes dates, not as LinkedIn does, and no day is over 12 to tell day from month: read day first, as month first would put some in the future (line 2: 12/03/2026 read as 12 March 2026, not 3 December 2026)"
        ]
    );
    properties::same_every_way(future.as_bytes(), 64, 2);
    // A day ahead is today, as for ages (time zones): month first.
    let (day_first, ..) = read_at(&future, dt(2026, 12, 2, 12, 0));
    assert!(!day_first);
    let (day_first, ..) = read_at(&future, dt(2026, 12, 1, 12, 0));
    assert!(day_first);

    // In the future either way (3 December, and 3 December): month first.
    let both = format!(
        "{H}{}{}",
        row("a", "12/03/2026 10:00"),
        row("b", "03/12/2026 09:15")
    );
    let (day_first, sent, _) = read(&both);
    assert!(!day_first);
    assert_eq!(sent, [dt(2026, 12, 3, 10, 0), dt(2026, 3, 12, 9, 15)]);

    // LinkedIn's own 3 December is not counted: it stays, and the other
    // date is in the past either way.
    let linkedin =
        |other: &str| format!("{H}{}{}", row("a", "\"12/3/26, 9:00 AM\""), row("b", other));
    let (day_first, sent, _) = read(&linkedin("03/04/2026 10:00"));
    assert!(!day_first);
    assert_eq!(sent, [dt(2026, 12, 3, 9, 0), dt(2026, 3, 4, 10, 0)]);
    // Beside a spreadsheet's date in the future, it stays month first.
    let (day_first, sent, _) = read(&linkedin("12/03/2026 10:00"));
    assert!(day_first);
    assert_eq!(sent, [dt(2026, 12, 3, 9, 0), dt(2026, 3, 12, 10, 0)]);

    // A day over 12 decides, as before: here month first, though
    // 12/03/2026 is then in the future; no note.
    let told = format!(
        "{H}{}{}",
        row("a", "12/03/2026 10:00"),
        row("b", "11/24/2026 09:15")
    );
    let (day_first, sent, notes) = read(&told);
    assert!(!day_first);
    assert_eq!(sent, [dt(2026, 12, 3, 10, 0), dt(2026, 11, 24, 9, 15)]);
    assert!(notes.is_empty(), "{notes:?}");
}

/// Dates with dots are day first in every language that writes them so,
/// and said nothing of.
#[test]
fn dotted_dates_are_day_first() {
    assert_eq!(
        parse_sent_at("21.11.26, 16:02"),
        Some(dt(2026, 11, 21, 16, 2))
    );
    assert_eq!(parse_sent_at("1.2.2026 08:05"), Some(dt(2026, 2, 1, 8, 5)));
    assert_eq!(parse_sent_at("21.13.26, 16:02"), None);
    // No day over 12 either: no note, as the order is not in doubt.
    let i = load_str(&format!("{H}{}", received("a", "03.04.26 10:00", "")));
    assert_eq!(i.invitations[0].sent_at, dt(2026, 4, 3, 10, 0));
    assert!(!i.notices().iter().any(|n| n.contains("Sent At")));
    // Not a date with dots: ISO with a fraction of a second.
    assert_eq!(
        parse_sent_at("2026-07-08 15:43:00.5"),
        NaiveDate::from_ymd_opt(2026, 7, 8).and_then(|d| d.and_hms_milli_opt(15, 43, 0, 500))
    );
}

/// A date that is no date in the order its numbers point to (30 February)
/// is skipped, and says nothing of the file's order: neither `30/02/2026`
/// that the file is day first, nor `02/30/2026` that it is month first.
#[test]
fn a_date_that_is_no_date_tells_no_order() {
    let row = |name: &str, sent: &str| received(name, sent, "");
    let either = "t.csv: Sent At of 1 row is written as a spreadsheet writes dates, not as LinkedIn does, and no day is over 12 to tell day from month: read month first, as LinkedIn writes dates (line 2: 03/04/2026 read as 4 March 2026); if the spreadsheet wrote them day first, day and month are swapped";
    for no_date in ["30/02/2026 10:00", "02/30/2026 10:00"] {
        let text = format!("{H}{}{}", row("a", "03/04/2026 15:43"), row("b", no_date));
        let i = load_str(&text);
        assert!(!i.read_day_first, "{no_date}");
        assert_eq!(i.invitations[0].sent_at, dt(2026, 3, 4, 15, 43));
        assert_eq!(date_notes(&i), [either], "{no_date}");
        assert_eq!(i.skipped.len(), 1);
        assert_eq!(i.skipped[0].line, 3);
        // Not a date day first either: no word of a day-first file.
        assert!(
            !i.skipped[0].reason.contains("day-first"),
            "{}",
            i.skipped[0].reason
        );
    }
    // A real date day first still tells.
    let text = format!(
        "{H}{}{}",
        row("a", "03/04/2026 15:43"),
        row("b", "28/02/2026 10:00")
    );
    assert!(load_str(&text).read_day_first);
}

/// Year first, as spreadsheets in Japanese and Chinese (with slashes) and
/// Korean (with dots) write dates: read, in no doubt, and no evidence of
/// the order of the file's other dates.
#[test]
fn year_first_dates_are_read() {
    for (written, want) in [
        ("2026/4/3 15:43", dt(2026, 4, 3, 15, 43)),
        ("2026/11/2 9:05", dt(2026, 11, 2, 9, 5)),
        ("2026/04/03 15:43", dt(2026, 4, 3, 15, 43)),
        ("2026. 4. 3. 15:43", dt(2026, 4, 3, 15, 43)),
        ("2026. 4. 3 15:43", dt(2026, 4, 3, 15, 43)),
        ("2026. 11. 2. 오후 3:43", dt(2026, 11, 2, 15, 43)),
        ("2026. 11. 2. 오전 12:05", dt(2026, 11, 2, 0, 5)),
        ("2026/4/3 下午 03:43:00", dt(2026, 4, 3, 15, 43)),
        ("2026/4/3 上午11:05", dt(2026, 4, 3, 11, 5)),
        ("2026/4/3 午後3:43", dt(2026, 4, 3, 15, 43)),
        ("2026/4/3 午前 12:05", dt(2026, 4, 3, 0, 5)),
        ("2026/4/3", dt(2026, 4, 3, 0, 0)),
        ("2026. 4. 3.", dt(2026, 4, 3, 0, 0)),
    ] {
        assert_eq!(parse_sent_at(written), Some(want), "{written:?}");
    }
    assert_eq!(
        parse_sent_at("2026/4/3 15:43:07"),
        NaiveDate::from_ymd_opt(2026, 4, 3).and_then(|d| d.and_hms_opt(15, 43, 7))
    );
    for bad in [
        "2026/2/30 15:43",
        "2026/13/2 15:43",
        "2026/4/3 25:43",
        "2026/4 15:43",
        "2026. 4. 3. 오후 13:43",
        "2026. 4. 3. 저녁 3:43",
        "20266/4/3",
    ] {
        assert_eq!(parse_sent_at(bad), None, "{bad:?}");
    }
    // Beside a date of either order, they count for neither: the note
    // names one row, read month first.
    let text = format!(
        "{H}{}{}{}",
        received("a", "2026/11/20 15:43", ""),
        received("b", "03/04/2026 10:00", ""),
        received("c", "2026. 11. 21. 오후 3:43", "")
    );
    let i = load_str(&text);
    assert!(i.skipped.is_empty(), "{:?}", i.skipped);
    assert!(!i.read_day_first);
    assert_eq!(i.invitations[0].sent_at, dt(2026, 11, 20, 15, 43));
    assert_eq!(i.invitations[2].sent_at, dt(2026, 11, 21, 15, 43));
    let notes = date_notes(&i);
    assert!(
        notes.len() == 1 && notes[0].starts_with("t.csv: Sent At of 1 row is written"),
        "{notes:?}"
    );
}

/// An archive entry that unpacks past the limit is refused, whether its
/// stated size says so or only what comes out does.
#[test]
fn an_entry_too_large_to_unpack_is_refused() {
    let ten = [b' '; 10];
    assert_eq!(unpack(&ten[..], 10, 10, "a.zip").unwrap().len(), 10);
    for stated in [11, 3] {
        let err = unpack(&ten[..], stated, 9, "a.zip:Invitations.csv").unwrap_err();
        assert!(matches!(err, ImportError::TooLarge { .. }), "{err}");
    }
    let err = unpack(&ten[..], 11, 9, "a.zip:Invitations.csv").unwrap_err();
    assert_eq!(
        err.to_string(),
        "a.zip:Invitations.csv: unpacks to more than 1 GiB, far more than any LinkedIn export (a million invitations take 0.2 GiB); not read"
    );
}

/// An archive packed with a method other than LinkedIn's deflate names
/// it, and says what to do.
#[test]
fn an_archive_packed_another_way_names_the_method() {
    use std::io::Write;
    let mut buf = io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("Invitations.csv", opts).unwrap();
    zip.write_all(H.as_bytes()).unwrap();
    zip.finish().unwrap();
    let mut bytes = buf.into_inner();
    // The method field (0 = stored) of the local and the central header,
    // made 12: bzip2.
    for (sig, at) in [(b"PK\x03\x04", 8), (b"PK\x01\x02", 10)] {
        let start = bytes.windows(4).position(|w| w == sig).unwrap();
        bytes[start + at] = 12;
    }
    let err = load_bytes("export.zip", &bytes).unwrap_err();
    assert_eq!(
        err.to_string(),
        "export.zip:Invitations.csv: packed with bzip2, which invitriage does not unpack (LinkedIn's archives use deflate); unzip it and give the Invitations.csv"
    );
}

/// An archive whose entry is encrypted, or whose deflate stream or
/// checksum is damaged, says which, and what to do.
#[test]
fn an_encrypted_or_damaged_archive_says_which() {
    use std::io::Write;
    let packed = |method| {
        let mut buf = io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default().compression_method(method);
        zip.start_file("Invitations.csv", opts).unwrap();
        zip.write_all(format!("{H}{}", row(1, "a note")).as_bytes())
            .unwrap();
        zip.finish().unwrap();
        buf.into_inner()
    };
    // The "encrypted" flag (bit 0 of the general purpose flags) of the
    // local and the central header set.
    let mut bytes = packed(zip::CompressionMethod::Stored);
    for (sig, at) in [(b"PK\x03\x04", 6), (b"PK\x01\x02", 8)] {
        let start = bytes.windows(4).position(|w| w == sig).unwrap();
        bytes[start + at] |= 1;
    }
    let err = load_bytes("export.zip", &bytes).unwrap_err();
    assert_eq!(
        err.to_string(),
        "export.zip:Invitations.csv: the archive is protected by a password, which LinkedIn's export is not; unzip it with its password and give the Invitations.csv inside"
    );
    // A byte of the stored text changed: its checksum no longer matches.
    let mut bytes = packed(zip::CompressionMethod::Stored);
    let at = bytes.windows(6).position(|w| w == b"a note").unwrap();
    bytes[at] = b'A';
    let err = load_bytes("export.zip", &bytes).unwrap_err();
    assert!(matches!(err, ImportError::Damaged { .. }), "{err}");
    assert!(
        err.to_string().ends_with(
            "the archive is damaged, perhaps an incomplete download; download the export again"
        ),
        "{err}"
    );
}

/// A header with a column twice, or one profile-URL column of the two,
/// says so; an older export (no URL column) keeps its own note.
#[test]
fn the_header_notes_a_column_twice_and_one_url_column_missing() {
    let edited = "From,To,Sent At,Message,Direction,inviterProfileUrl,From\n\
        Ana,Colleen Ruiz,\"7/8/26, 3:43 PM\",,INCOMING,https://www.linkedin.com/in/ana,x\n";
    let i = load_str(edited);
    assert_eq!(i.invitations[0].from(), "Ana", "the first From is read");
    assert_eq!(
        i.notices(),
        [
            "t.csv: the header has `From` more than once; the first is read",
            "t.csv: no `inviteeProfileUrl` column; invitations are told apart by name and date"
        ]
    );
    let older = "From,To,Sent At,Message,Direction\n\
        Ana,Colleen Ruiz,\"7/8/26, 3:43 PM\",,INCOMING\n";
    assert_eq!(
        load_str(older).notices(),
        [
            "t.csv: no profile URL columns (an older export); invitations are told apart by name and date"
        ]
    );
}

/// A folder's `Invitations.csv` that is a link to nothing is named as
/// such, not passed over for "a folder with no Invitations.csv in it".
#[cfg(unix)]
#[test]
fn a_folders_export_that_links_to_nothing_is_named() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/nonexistent/x.csv", dir.path().join("Invitations.csv")).unwrap();
    let err = load(&Source::Path(dir.path().to_path_buf()))
        .unwrap_err()
        .to_string();
    assert!(
        err.ends_with("Invitations.csv: is a link to /nonexistent/x.csv, which is not there"),
        "{err}"
    );
}

/// A line of a million fields (commas that run on) before the header, or
/// a header with as many extra columns: the header is found from its
/// first fields, and a row is measured against every field of it.
#[test]
fn a_line_of_a_million_fields_is_no_header_and_no_abort() {
    let junk = "a,".repeat(1_000_000);
    let text = format!("{junk}\n{H}{}", received("ann", "\"7/8/26, 3:43 PM\"", ""));
    let i = load_str(&text);
    assert_eq!(i.invitations.len(), 1);
    assert_eq!(i.invitations[0].from(), "ann");
    let extra = ",x".repeat(100_000);
    let wide = format!(
        "{}{extra}\n{}{}",
        H.trim_end(),
        received("ann", "\"7/8/26, 3:43 PM\"", &extra),
        received("bo", "\"7/8/26, 3:43 PM\"", "")
    );
    let i = load_str(&wide);
    assert_eq!(i.invitations.len(), 1);
    assert_eq!(i.skipped.len(), 1);
    assert_eq!(
        i.skipped[0].reason,
        "has 7 fields where the header has 100007"
    );
}

/// A row of a million fields (commas that run on) is skipped unread, on
/// every path: both CSV readers would have kept 8 bytes for each field
/// (a line of a gigabyte took over 10 GB). The rows around it are read,
/// on their own lines; a line of a few thousand commas is still blank.
#[test]
fn a_row_of_a_million_fields_is_skipped_unread() {
    let commas = ",".repeat(1_000_000);
    let ann = received("ann", "\"7/8/26, 3:43 PM\"", "");
    let bo = received("bo", "\"7/8/26, 3:43 PM\"", "");
    let text = format!(
        "{H}{ann}x,\"a,b\"{commas}\r\n\n{bo}{}\n{ann}",
        ",".repeat(4000)
    );
    let i = load_str(&text);
    assert_eq!(lines(&i), [2, 5]);
    let skipped: Vec<_> = i
        .skipped
        .iter()
        .map(|s| (s.line, s.reason.as_str()))
        .collect();
    assert_eq!(skipped, [(3, "has 1000002 fields where the header has 7")]);
    assert_eq!(i.duplicates.len(), 1);
    properties::same_every_way(text.as_bytes(), 4096, 2);
    // Ended by a lone CR (an old Mac's line end), the row after it is
    // read, not skipped with it (a re-tester lost one so).
    let cr = format!("{H}{}\r{ann}{bo}", ",".repeat(5000));
    let i = load_str(&cr);
    assert_eq!(lines(&i), [3, 4]);
    let skipped: Vec<_> = i.skipped.iter().map(|s| s.line).collect();
    assert_eq!(skipped, [2]);
    properties::same_every_way(cr.as_bytes(), 4096, 2);
    // So many commas inside quotes (by the quotes before them) are taken
    // too: no note holds them, and the CSV reader may not see the quotes
    // so. A quote left open before them stops there.
    let open = received("cy", "\"7/8/26, 3:43 PM\"", ",\"open");
    for (text, read, skipped) in [
        (format!("{H}{ann}\"{commas}\"\n{bo}"), vec![2, 4], vec![3]),
        (format!("{H}{open}{commas}\n{ann}"), vec![4], vec![2, 3]),
    ] {
        let i = load_str(&text);
        assert_eq!(lines(&i), read);
        let lines: Vec<_> = i.skipped.iter().map(|s| s.line).collect();
        assert_eq!(lines, skipped);
        assert_eq!(
            i.skipped.last().unwrap().reason,
            "holds 1000000 commas inside quotes, far too many for a row of 7 fields; a quote (\") on this line or one before is probably missing"
        );
        properties::same_every_way(text.as_bytes(), 4096, 2);
    }
    // Before the header, such a line of commas alone is blank, passed over
    // unread; the lines after it are counted as they were.
    let text = format!("{commas}\r\n\r{H}{ann}");
    assert_eq!(lines(&load_str(&text)), [4]);
    properties::same_every_way(text.as_bytes(), 4096, 2);
    let blank =
        load_bytes_with::<Invitation>("t.csv", commas.as_bytes(), None, Plan::default(), now())
            .unwrap_err()
            .to_string();
    assert!(
        blank.contains("t.csv: the file is blank (only commas and white space)"),
        "{blank}"
    );
}

/// The lines of too many commas are found wherever they lie, a stretch of
/// exactly the most a row may have included, and only they: a long note
/// is no such line, nor a line of one comma fewer.
#[test]
fn lines_of_too_many_commas_are_found_and_only_they() {
    let most = max_fields(7);
    assert_eq!(most, 4096);
    assert_eq!(max_fields(1000), 10_000);
    let commas = |n: usize| ",".repeat(n);
    let note = format!("a,\"{}\",b\n", "x".repeat(3 * most));
    for lead in [0, 1, most - 1, most, most + 1, 3 * most] {
        let head = format!("{}\n", "y".repeat(lead));
        let text = format!(
            "{head}{}\n{note}{}{}\n",
            commas(most - 1),
            commas(most),
            "\"\""
        );
        let start = head.len() + most + note.len();
        assert_eq!(
            overlong_lines(text.as_bytes(), 7),
            [Overlong {
                start,
                end: text.len(),
                commas: most as u64,
                fields: most as u64 + 1,
            }],
            "{lead}"
        );
        // Without its line end, at the end of the text.
        let text = &text[..text.len() - 1];
        assert_eq!(overlong_lines(text.as_bytes(), 7)[0].end, text.len());
    }
    // Inside quotes by the quotes before it, commas are no fields.
    let text = format!("\"\n{}\"x\n", commas(most));
    let found = overlong_lines(text.as_bytes(), 7);
    assert_eq!((found[0].start, found[0].fields), (2, 1));
    assert!(overlong_lines(b"", 7).is_empty());
    let some = Overlong {
        start: 0,
        end: 0,
        commas: 5000,
        fields: 4001,
    };
    assert_eq!(
        some.reason(7),
        "holds 5000 commas, 1000 of them inside quotes, far too many for a row of 7 fields; a quote (\") on this line or one before is probably missing"
    );
}

/// A header that ends in stray commas (a spreadsheet's empty columns) is
/// as wide as its named columns: rows of the export's seven fields are
/// read, as rows padded the same way are.
#[test]
fn a_header_with_stray_commas_reads_its_rows() {
    let row = received("ann", "\"7/8/26, 3:43 PM\"", "");
    let padded = received("bo", "\"7/8/26, 3:43 PM\"", ",,");
    let text = format!("{},,\n{row}{padded}", H.trim_end());
    let i = load_str(&text);
    assert_eq!(i.invitations.len(), 2, "{:?}", i.skipped);
    assert!(i.skipped.is_empty());
    properties::same_every_way(text.as_bytes(), 16, 2);
}

/// A file of empty fields only is blank, and not said to be white space.
#[test]
fn a_file_of_commas_is_blank_with_commas() {
    let err = |text: &str| {
        load_bytes_with::<Invitation>("t.csv", text.as_bytes(), None, Plan::default(), now())
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    };
    assert!(
        err(",,,,\n,,\n").contains("t.csv: the file is blank (only commas and white space)"),
        "{}",
        err(",,,,\n,,\n")
    );
    assert!(
        err(" \n\n").contains("t.csv: the file is blank (only white space)"),
        "{}",
        err(" \n\n")
    );
}

/// A file whose size or time moves while it is read (a download still
/// coming, a copy or a sync writing over it) is refused, not counted: a
/// tester cut a 360,274-row file short mid-read and got 26,666 with no
/// warning, and exit 0.
#[test]
fn a_file_changed_while_it_is_read_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Invitations.csv");
    std::fs::write(&path, format!("{HEADER}\n{}", row(1, "Hi"))).unwrap();
    let meta = std::fs::metadata(&path).unwrap();
    // Unchanged: what was read comes back.
    assert_eq!(
        unchanged_while(
            || std::fs::metadata(&path).ok(),
            &meta,
            "Invitations.csv",
            || Ok(7)
        )
        .unwrap(),
        7
    );
    // Cut short meanwhile.
    let err = unchanged_while(
        || std::fs::metadata(&path).ok(),
        &meta,
        "Invitations.csv",
        || {
            std::fs::write(&path, "From,To").unwrap();
            Ok(7)
        },
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "Invitations.csv: changed while it was being read (it was {} bytes, now 7), so none of it was used; if a download, a copy or a sync is writing it, run again once it is done",
            meta.len()
        )
    );
    // Written over with as many bytes: its time tells.
    let same = std::fs::read(&path).unwrap();
    let meta = std::fs::metadata(&path).unwrap();
    let err = unchanged_while(
        || std::fs::metadata(&path).ok(),
        &meta,
        "Invitations.csv",
        || {
            let f = std::fs::File::options().write(true).open(&path).unwrap();
            f.set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(5))
                .unwrap();
            std::fs::write(&path, &same).unwrap();
            Ok(7)
        },
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("(its time of change moved)"),
        "{err}"
    );
    // Written in place with its modification time put back, as `rsync
    // --inplace -t` does: the status change time tells.
    #[cfg(unix)]
    {
        let meta = std::fs::metadata(&path).unwrap();
        let modified = meta.modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        let err = unchanged_while(
            || std::fs::metadata(&path).ok(),
            &meta,
            "Invitations.csv",
            || {
                std::fs::write(&path, &same).unwrap();
                let f = std::fs::File::options().write(true).open(&path).unwrap();
                f.set_modified(modified).unwrap();
                Ok(7)
            },
        )
        .unwrap_err();
        assert!(
            err.to_string().contains("(its time of change moved)"),
            "{err}"
        );
    }
}

/// A name of West Africa written with `ɔ` or `ɛ` (`Kɔjo`, `Bɛnyiwa`), or
/// Azerbaijani `ə`, is UTF-8 among rows of Windows-1252: such letters were
/// taken for Windows-1252 by chance (`É”` is `ɔ`), and the names garbled.
#[test]
fn west_african_letters_are_utf8_among_windows_1252() {
    let mut bytes = H.as_bytes().to_vec();
    bytes.extend_from_slice(&cp1252(
        "Ren\u{e9}e,B,\"7/8/26, 3:43 PM\",,INCOMING,u1,u0\n",
    ));
    bytes.extend_from_slice(
        "K\u{254}jo Mensah,B,\"7/8/26, 3:43 PM\",,INCOMING,u2,u0\n\
         Ama B\u{25b}nyiwa,B,\"7/8/26, 3:43 PM\",,INCOMING,u3,u0\n\
         Elvin M\u{259}mm\u{259}dov,B,\"7/8/26, 3:43 PM\",,INCOMING,u4,u0\n"
            .as_bytes(),
    );
    let i = load_bytes("t.csv", &bytes).unwrap();
    let names: Vec<&str> = i.invitations.iter().map(|v| v.from()).collect();
    assert_eq!(
        names,
        [
            "Ren\u{e9}e",
            "K\u{254}jo Mensah",
            "Ama B\u{25b}nyiwa",
            "Elvin M\u{259}mm\u{259}dov"
        ]
    );
}

/// A row of Windows-1252 with a pair that is UTF-8 by chance (`CAFÉ”`)
/// and an accent inside a word (`René`) is Windows-1252: only bytes that
/// end their field are a character cut short, shown as U+FFFD.
#[test]
fn a_bad_byte_inside_a_word_is_no_cut_character() {
    let mut bytes = H.as_bytes().to_vec();
    bytes.extend_from_slice(&cp1252(
        "Ren\u{e9}e M\u{fc}ller,B,\"7/8/26, 3:43 PM\",,INCOMING,u1,u0\n",
    ));
    bytes.extend_from_slice(&cp1252(
        "Ren\u{e9} CAF\u{c9}\u{201d},B,\"7/8/26, 3:43 PM\",,INCOMING,u2,u0\n",
    ));
    // A note of UTF-8 cut inside its last character.
    bytes.extend_from_slice(
        "K\u{254}jo M\u{259}mm\u{259}dov,B,\"7/8/26, 3:43 PM\",loved your talk".as_bytes(),
    );
    bytes.extend_from_slice(b"\xE2\x80,INCOMING,u3,u0\n");
    let i = load_bytes("t.csv", &bytes).unwrap();
    assert_eq!(i.invitations[1].from(), "Ren\u{e9} CAF\u{c9}\u{201d}");
    assert_eq!(i.invitations[2].from(), "K\u{254}jo M\u{259}mm\u{259}dov");
    assert_eq!(i.invitations[2].message(), "loved your talk\u{fffd}");
}
