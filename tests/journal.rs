//! Durability of the decision journal: a process killed right after a
//! decision, a second instance while the first runs, a power cut mid-write,
//! restarts in the middle of undoing, and the speed of bulk steps and replay.
//!
//! The crash tests re-run this test binary as a child process that executes
//! only [`child_writer`], selected by environment variables; every test works
//! in its own temporary directory.

use std::collections::HashMap;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use invitriage::invitation::InvitationId;
use invitriage::journal::{
    Decided, Decision, Draft, DraftKind, Entry, FILE_NAME, Journal, JournalError, StepKind,
    TORN_FILE_NAME, Undone, Whom, local_tz,
};
use proptest::prelude::*;

/// The child's journal directory; set only in the child.
const CHILD_DIR: &str = "INVITRIAGE_JOURNAL_TEST_DIR";
/// What the child records: `decide`, `mixed` or `stream`.
const CHILD_SCENARIO: &str = "INVITRIAGE_JOURNAL_TEST_SCENARIO";

fn at(sec: u32) -> NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 25)
        .unwrap()
        .and_hms_opt(17, 0, 0)
        .unwrap()
        + chrono::Duration::seconds(i64::from(sec))
}

fn id(n: u64) -> InvitationId {
    InvitationId(n)
}

fn decision(j: &Journal, n: u64) -> Option<Decision> {
    j.state(id(n)).and_then(Entry::decision)
}

fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    // On a line of its own: the test harness may have printed
    // "test child_writer ... " without a line end.
    writeln!(out, "\n{line}").unwrap();
    out.flush().unwrap();
}

/// Not a test on its own: returns at once unless [`CHILD_DIR`] is set. In the
/// child, records the scenario's steps, says `recorded` (after each step for
/// `stream`) and waits to be killed.
#[test]
fn child_writer() {
    let (Some(dir), Ok(scenario)) = (std::env::var_os(CHILD_DIR), std::env::var(CHILD_SCENARIO))
    else {
        return;
    };
    let (mut j, _) = Journal::open(Path::new(&dir)).expect("child: open the journal");
    match scenario.as_str() {
        "decide" => {
            j.record_decision(&[id(1)], Some(Decision::Accepted), at(1))
                .unwrap();
            say("recorded");
        }
        "mixed" => {
            let bulk: Vec<_> = (100..1100).map(id).collect();
            j.record_decision(&bulk, Some(Decision::Ignored), at(1))
                .unwrap();
            j.record_decision(&[id(2)], Some(Decision::Accepted), at(2))
                .unwrap();
            j.record_draft(id(2), DraftKind::ThankYou, "Thanks, Dana!", at(3))
                .unwrap();
            j.record_draft(id(3), DraftKind::Reply, "Hi Mei, …", at(4))
                .unwrap();
            j.undo(at(5)).unwrap();
            say("recorded");
        }
        "stream" => {
            for i in 0u32.. {
                j.record_decision(&[id(10_000 + u64::from(i))], Some(Decision::Ignored), at(i))
                    .unwrap();
                say(&format!("recorded {i}"));
            }
        }
        other => panic!("child: unknown scenario {other}"),
    }
    loop {
        std::thread::sleep(Duration::from_secs(3600));
    }
}

/// Kills the child when dropped, so a failing test leaves no process behind.
struct ChildGuard(Child);

impl Drop for ChildGuard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts this binary as a child running only `child_writer`; returns it and
/// its stdout, line by line.
fn spawn_child(dir: &Path, scenario: &str) -> (ChildGuard, Receiver<String>) {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["child_writer", "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD_DIR, dir)
        .env(CHILD_SCENARIO, scenario)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start the child");
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    (ChildGuard(child), rx)
}

/// Waits (at most a minute) for the child to print `want`.
fn wait_for(rx: &Receiver<String>, want: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(line) if line.trim() == want => return,
            Ok(_) => {}
            Err(RecvTimeoutError::Timeout) => {
                panic!("the child did not print {want:?} within a minute")
            }
            Err(RecvTimeoutError::Disconnected) => {
                panic!("the child exited before printing {want:?} (its stderr is above)")
            }
        }
    }
}

/// SIGKILL (what `Child::kill` sends on Unix), and check it was that.
fn kill(mut child: ChildGuard) {
    child.0.kill().unwrap();
    let status = child.0.wait().unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(status.signal(), Some(9), "{status:?}");
    }
    #[cfg(not(unix))]
    assert!(!status.success());
}

fn open(dir: &Path) -> Journal {
    let (j, notices) = Journal::open(dir).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    j
}

#[test]
fn decision_survives_sigkill_right_after_it_was_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let (child, rx) = spawn_child(dir.path(), "decide");
    wait_for(&rx, "recorded");
    kill(child);
    let j = open(dir.path());
    let e = j.state(id(1)).expect("the decision is in the journal");
    assert_eq!(e.decision(), Some(Decision::Accepted));
    assert_eq!(e.decided_at(), Some(at(1)));
    assert_eq!(j.undo_depth(), 1);
}

#[test]
fn second_instance_is_refused_while_the_child_holds_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let (child, rx) = spawn_child(dir.path(), "decide");
    wait_for(&rx, "recorded");

    let err = Journal::open(dir.path()).unwrap_err();
    assert!(matches!(err, JournalError::Locked { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        format!(
            "another invitriage is open on this journal ({}); close it first",
            dir.path().join(FILE_NAME).display()
        )
    );
    // Reading without the lock still works, e.g. for an export.
    let (ro, _) = Journal::open_read_only(dir.path()).unwrap();
    assert_eq!(decision(&ro, 1), Some(Decision::Accepted));

    kill(child);
    let j = open(dir.path());
    assert_eq!(
        decision(&j, 1),
        Some(Decision::Accepted),
        "the lock died with the process"
    );
}

#[test]
fn bulk_drafts_and_undo_survive_sigkill_and_undo_continues_after() {
    let dir = tempfile::tempdir().unwrap();
    let (child, rx) = spawn_child(dir.path(), "mixed");
    wait_for(&rx, "recorded");
    kill(child);

    let mut j = open(dir.path());
    assert!((100..1100).all(|n| decision(&j, n) == Some(Decision::Ignored)));
    let dana = j.state(id(2)).unwrap();
    assert_eq!(dana.decision(), Some(Decision::Accepted));
    assert_eq!(dana.thank_you.as_ref().unwrap().text, "Thanks, Dana!");
    assert_eq!(
        j.state(id(3)),
        None,
        "the reply draft was undone before the kill"
    );
    assert_eq!(j.undo_depth(), 3);

    let undone = j.undo(at(10)).unwrap().unwrap();
    assert_eq!(undone.kind, StepKind::Draft(DraftKind::ThankYou));
    assert_eq!(j.state(id(2)).unwrap().thank_you, None);
    assert_eq!(j.undo(at(11)).unwrap().unwrap().ids, vec![id(2)]);
    let bulk = j.undo(at(12)).unwrap().unwrap();
    assert_eq!(bulk.ids.len(), 1000);
    assert_eq!(j.iter().count(), 0);
}

#[test]
fn every_acknowledged_decision_survives_sigkill_mid_stream() {
    let dir = tempfile::tempdir().unwrap();
    let (child, rx) = spawn_child(dir.path(), "stream");
    wait_for(&rx, "recorded 30");
    kill(child);
    // Whatever else the child acknowledged before it died.
    let last = rx
        .iter()
        .filter_map(|l| l.strip_prefix("recorded ")?.parse::<u64>().ok())
        .max()
        .unwrap_or(30);

    // A kill can, rarely, cut the write in flight short: that torn line is
    // repaired, and it was never acknowledged.
    let (j, notices) = Journal::open(dir.path()).unwrap();
    assert!(notices.len() <= 1, "{notices:?}");
    for i in 0..=last {
        assert_eq!(
            decision(&j, 10_000 + i),
            Some(Decision::Ignored),
            "decision {i}"
        );
    }
    assert!(j.undo_depth() as u64 > last);
    drop(j);
    open(dir.path());
}

#[test]
fn power_cut_mid_write_is_repaired_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let path = {
        let mut j = open(dir.path());
        j.record_decision(&[id(1), id(2)], Some(Decision::Ignored), at(1))
            .unwrap();
        j.record_draft(id(3), DraftKind::Reply, "Hi Mei", at(2))
            .unwrap();
        j.path().to_path_buf()
    };
    let good = fs::read(&path).unwrap();
    let next_line = r#"{"v":1,"at":"2026-11-25T17:00:03","op":"decide","ids":["0000000000000004"],"decision":"accepted"}"#;
    for (round, cut) in [40, 7].into_iter().enumerate() {
        fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap()
            .write_all(&next_line.as_bytes()[..cut])
            .unwrap();
        let (j, notices) = Journal::open(dir.path()).unwrap();
        assert_eq!(notices.len(), 1, "{notices:?}");
        assert!(
            notices[0].contains("line 3 was cut short"),
            "{}",
            notices[0]
        );
        assert_eq!(fs::read(&path).unwrap(), good);
        assert_eq!(decision(&j, 1), Some(Decision::Ignored));
        assert_eq!(decision(&j, 3), Some(Decision::Replied));
        assert_eq!(decision(&j, 4), None);
        assert_eq!(j.undo_depth(), 2);
        let torn = fs::read_to_string(dir.path().join(TORN_FILE_NAME)).unwrap();
        assert_eq!(
            torn.lines().count(),
            round + 1,
            "every torn line is kept: {torn}"
        );
        assert!(torn.ends_with(&format!("{}\n", &next_line[..cut])));
    }
    let mut j = open(dir.path());
    j.record_decision(&[id(4)], Some(Decision::Accepted), at(3))
        .unwrap();
    drop(j);
    let mut j = open(dir.path());
    assert_eq!(decision(&j, 4), Some(Decision::Accepted));
    assert_eq!(fs::read_to_string(&path).unwrap().lines().count(), 3);
    assert_eq!(j.undo(at(4)).unwrap().unwrap().ids, vec![id(4)]);
    assert_eq!(j.undo(at(5)).unwrap().unwrap().ids, vec![id(3)]);
}

#[test]
fn bulk_of_100k_is_one_line_one_step_and_quick() {
    let dir = tempfile::tempdir().unwrap();
    let mut j = open(dir.path());
    let ids: Vec<_> = (0..100_000).map(id).collect();
    let t = Instant::now();
    j.record_decision(&ids, Some(Decision::Ignored), at(1))
        .unwrap();
    let record = t.elapsed();
    assert_eq!(j.iter().count(), 100_000);
    drop(j);
    assert_eq!(
        fs::read_to_string(dir.path().join(FILE_NAME))
            .unwrap()
            .lines()
            .count(),
        1
    );

    let t = Instant::now();
    let mut j = open(dir.path());
    let replay = t.elapsed();
    assert_eq!(j.undo_depth(), 1);
    let t = Instant::now();
    let undone = j.undo(at(2)).unwrap().unwrap();
    let undo = t.elapsed();
    assert_eq!(undone.ids.len(), 100_000);
    assert_eq!(j.iter().count(), 0);
    eprintln!("100k bulk: record {record:?}, replay {replay:?}, undo {undo:?}");
    let limit = Duration::from_millis(if cfg!(debug_assertions) { 3000 } else { 500 });
    assert!(record < limit && replay < limit && undo < limit);
}

#[test]
fn replay_of_20k_lines_is_fast() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::new();
    for i in 0..20_000u64 {
        let line = match i % 10 {
            7 => format!(
                r#"{{"v":1,"at":"2026-11-25T17:00:00","op":"draft","id":"{:016x}","kind":"reply","text":"Hi there, thanks for reaching out — happy to connect.","decision":"replied"}}"#,
                i % 3000
            ),
            9 => r#"{"v":1,"at":"2026-11-25T17:00:01","op":"undo"}"#.to_string(),
            _ => format!(
                r#"{{"v":1,"at":"2026-11-25T17:00:02","op":"decide","ids":["{:016x}","{:016x}"],"decision":"accepted"}}"#,
                i % 3000,
                i * 7 % 5000
            ),
        };
        text.push_str(&line);
        text.push('\n');
    }
    fs::write(dir.path().join(FILE_NAME), text).unwrap();
    let t = Instant::now();
    let j = open(dir.path());
    let elapsed = t.elapsed();
    eprintln!("replay of 20k lines: {elapsed:?}");
    // 18k steps, 2k of them undone.
    assert_eq!(j.undo_depth(), 16_000);
    let limit = Duration::from_millis(if cfg!(debug_assertions) { 1000 } else { 100 });
    assert!(elapsed < limit, "{elapsed:?}");
}

/// One user action in the model test.
#[derive(Debug, Clone)]
enum Action {
    /// The ids, the decision, and whether the invitations' Sent At is kept.
    Decide(Vec<u64>, Option<Decision>, bool),
    Draft(u64, DraftKind, String, bool),
    /// Mark the draft of that kind sent (or not sent).
    MarkSent(u64, DraftKind, bool),
    Undo,
    Restart,
}

fn action() -> impl Strategy<Value = Action> {
    let decision = prop_oneof![
        Just(None),
        Just(Some(Decision::Accepted)),
        Just(Some(Decision::Ignored)),
        Just(Some(Decision::Replied)),
    ];
    let kind = prop_oneof![Just(DraftKind::Reply), Just(DraftKind::ThankYou)];
    prop_oneof![
        3 => (proptest::collection::vec(0u64..6, 0..4), decision, any::<bool>()).prop_map(|(ids, d, s)| Action::Decide(ids, d, s)),
        2 => (0u64..6, kind.clone(), "[a-z\n\"\\\\é]{0,8}", any::<bool>()).prop_map(|(id, k, t, s)| Action::Draft(id, k, t, s)),
        2 => (0u64..6, kind, any::<bool>()).prop_map(|(id, k, m)| Action::MarkSent(id, k, m)),
        3 => Just(Action::Undo),
        1 => Just(Action::Restart),
    ]
}

type State = HashMap<InvitationId, Entry>;

/// Each invitation's `Sent At`: weeks before any step, so that every step
/// is on it (none on an earlier one from the same person).
fn sent_at(i: u64) -> chrono::NaiveDateTime {
    at(0) - chrono::TimeDelta::days(30 + i as i64)
}

fn state(j: &Journal) -> State {
    j.iter().map(|(id, e)| (id, e.clone())).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    /// The journal behaves like a stack of whole-state snapshots, across
    /// restarts too.
    #[test]
    fn undo_matches_a_snapshot_stack_model(actions in proptest::collection::vec(action(), 1..30)) {
        let dir = tempfile::tempdir().unwrap();
        let mut j = open(dir.path());
        let mut model = State::new();
        // Each step: the state before it and what undoing it reports.
        let mut stack: Vec<(State, Undone)> = Vec::new();
        for (n, a) in actions.into_iter().enumerate() {
            let t = at(n as u32);
            match a {
                Action::Decide(ids, d, with_sent) => {
                    let sent: Vec<_> = if with_sent { ids.iter().map(|&i| sent_at(i)).collect() } else { Vec::new() };
                    let ids: Vec<_> = ids.into_iter().map(id).collect();
                    j.record_decision_on(&ids, &sent, d, t).unwrap();
                    if !ids.is_empty() {
                        let mut uniq = ids.clone();
                        let mut seen = std::collections::HashSet::new();
                        uniq.retain(|i| seen.insert(*i));
                        let one = match sent[..] { [one] => Some(one), _ => None };
                        stack.push((model.clone(), Undone { kind: StepKind::Decide(d), ids: uniq, at: t, sent: one, tz: local_tz(t) }));
                        for (n, i) in ids.into_iter().enumerate() {
                            let e = model.entry(i).or_default();
                            let sent = sent.get(n).copied();
                            e.decided = d.map(|decision| Decided { decision, at: t, sent, tz: local_tz(t) });
                            if *e == Entry::default() {
                                model.remove(&i);
                            }
                        }
                    }
                }
                Action::Draft(i, kind, text, with_sent) => {
                    // Whom it answers is kept (and read back) with it.
                    let name = format!("Person {i}");
                    let url = format!("https://www.linkedin.com/in/p{i}");
                    let sent = with_sent.then(|| sent_at(i));
                    j.record_draft_to(id(i), kind, &text, t, Whom { sent, ..Whom::new(&name, &url) }).unwrap();
                    stack.push((model.clone(), Undone { kind: StepKind::Draft(kind), ids: vec![id(i)], at: t, sent, tz: local_tz(t) }));
                    let e = model.entry(id(i)).or_default();
                    // A draft replacing another keeps when each before it was saved.
                    let before = match kind {
                        DraftKind::Reply => e.reply.as_ref(),
                        DraftKind::ThankYou => e.thank_you.as_ref(),
                    };
                    let earlier = before.map_or_else(Vec::new, |d| {
                        let mut v = d.earlier.clone();
                        v.push(d.at);
                        v
                    });
                    let draft = Some(Box::new(Draft { text, at: t, earlier, name, url, sent, marked_sent: None }));
                    match kind {
                        DraftKind::Reply => {
                            e.reply = draft;
                            e.decided = Some(Decided { decision: Decision::Replied, at: t, sent, tz: local_tz(t) });
                        }
                        DraftKind::ThankYou => e.thank_you = draft,
                    }
                }
                Action::MarkSent(i, kind, marked) => {
                    let wrote = j.record_mark_sent(id(i), kind, marked, t).unwrap();
                    let before = model.clone();
                    let draft = model.get_mut(&id(i)).and_then(|e| match kind {
                        DraftKind::Reply => e.reply.as_mut(),
                        DraftKind::ThankYou => e.thank_you.as_mut(),
                    });
                    // No draft of that kind: nothing is written.
                    prop_assert_eq!(wrote, draft.is_some());
                    if let Some(d) = draft {
                        d.marked_sent = marked.then_some(t);
                        let sent = d.sent;
                        stack.push((before, Undone { kind: StepKind::MarkSent(kind, marked), ids: vec![id(i)], at: t, sent, tz: local_tz(t) }));
                    }
                }
                Action::Undo => {
                    let undone = j.undo(t).unwrap();
                    match stack.pop() {
                        Some((before, want)) => {
                            model = before;
                            prop_assert_eq!(undone, Some(want));
                        }
                        None => prop_assert_eq!(undone, None),
                    }
                }
                Action::Restart => {
                    drop(j);
                    j = open(dir.path());
                }
            }
            prop_assert_eq!(state(&j), model.clone());
            prop_assert_eq!(j.undo_depth(), stack.len());
        }
        drop(j);
        let j = open(dir.path());
        prop_assert_eq!(state(&j), model);
    }
}
