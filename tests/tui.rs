//! The triage screen: `App::update` for every action, and insta snapshots of
//! each screen drawn into ratatui's `TestBackend`.

use chrono::NaiveDateTime;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

use invitriage::classify::{Category, Classifier, Lists};
use invitriage::import::{self, Source};
use invitriage::journal::{Decision, Journal, Seen, Whom};
use invitriage::reply::Templates;
use invitriage::tui::app::{App, AppInit, Effect, Filter, Mode, Tab};
use invitriage::tui::keys::{Action, Keymap, action_for};
use invitriage::tui::line::LineEdit;
use invitriage::tui::view;

fn now() -> NaiveDateTime {
    import::parse_sent_at("2026-11-25T12:00:00").unwrap()
}

/// An app over the bundled sample with a journal in `dir`.
fn sample_app(dir: &std::path::Path) -> App {
    app_from(Source::Sample, dir)
}

fn app_from(source: Source, dir: &std::path::Path) -> App {
    app_with_color(source, dir, false)
}

fn app_with_color(source: Source, dir: &std::path::Path, color: bool) -> App {
    app_with_notes(source, dir, color, &[])
}

/// An app with `notes` from loading after the journal's own (as the CLI
/// adds a skipped row's).
fn app_with_notes(source: Source, dir: &std::path::Path, color: bool, notes: &[&str]) -> App {
    app_seen(source, dir, color, notes, None)
}

/// [`app_with_notes`] after the screen saw an export as far as `seen_before`.
fn app_seen(
    source: Source,
    dir: &std::path::Path,
    color: bool,
    notes: &[&str],
    seen_before: Option<Seen>,
) -> App {
    let mut app = app_unsized(source, dir, color, notes, seen_before, None);
    app.update(Action::Resize(80, 24));
    app
}

/// An app as [`app_seen`] makes it, with `seen_now` to record when the run
/// ends, before any action (its size not yet told).
fn app_unsized(
    source: Source,
    dir: &std::path::Path,
    color: bool,
    notes: &[&str],
    seen_before: Option<Seen>,
    seen_now: Option<Seen>,
) -> App {
    app_keyed(
        source,
        dir,
        color,
        notes,
        seen_before,
        seen_now,
        Keymap::default(),
    )
}

/// [`app_unsized`] with `keymap`, in force from the start: what the start
/// says names its keys.
fn app_keyed(
    source: Source,
    dir: &std::path::Path,
    color: bool,
    notes: &[&str],
    seen_before: Option<Seen>,
    seen_now: Option<Seen>,
    keymap: Keymap,
) -> App {
    let mut import = import::load(&source).expect("loads");
    Classifier::new(&Lists::default()).apply(&mut import.invitations, None);
    let (journal, mut notices) = Journal::open(dir).expect("journal opens");
    notices.extend(notes.iter().map(|n| n.to_string()));
    App::new(AppInit {
        source_name: import.source.short_name(),
        invitations: import.invitations,
        journal,
        keymap,
        now: now(),
        my_name: None,
        templates: Templates::default(),
        stale_after_days: 21,
        note_limit: 300,
        classifier: Classifier::default(),
        notices,
        color,
        palette_256: color,
        frozen_clock: true,
        seen_before,
        seen_now,
        export_command: "`invitriage export --format md`".into(),
        skipped_rows: 0,
    })
}

/// The export's newest invitation is recorded as seen when the run ends,
/// only if the screen was ever large enough to tell the news: a run spent
/// on a screen too small (or ended before a frame) leaves it for the next
/// start to tell.
#[test]
fn what_is_new_is_seen_only_on_a_screen_that_showed_it() {
    let dir = tempfile::tempdir().unwrap();
    let seen = Seen {
        newest: now(),
        opened: now(),
    };
    let start = |size: (u16, u16)| {
        let mut app = app_unsized(Source::Sample, dir.path(), false, &[], None, Some(seen));
        app.update(Action::Resize(size.0, size.1));
        app.update(Action::Quit);
        leave(&mut app);
    };
    let read = || {
        let (journal, _) = Journal::open_read_only(dir.path()).unwrap();
        journal.read_seen().unwrap()
    };
    start((30, 8));
    assert_eq!(read(), None, "never shown");
    start((80, 24));
    assert_eq!(read(), Some(seen));
}

/// A draft a killed run left reopens at the start, and what the composer
/// says takes the status line, where the news would be: the news waits
/// for the composer to close, then follows what closing it says, and is
/// seen (`seen.json`) only then. A run that ends with the composer still
/// open never showed it, and leaves it for the next start to tell.
#[test]
fn the_news_waits_for_a_draft_the_start_reopened() {
    let dir = tempfile::tempdir().unwrap();
    let at = |s: &str| import::parse_sent_at(s).unwrap();
    let before = Seen {
        newest: at("2026-10-01T09:00:00"),
        opened: at("2026-10-02T08:00:00"),
    };
    let this = Seen {
        newest: now(),
        opened: now(),
    };
    let mut app = sample_app(dir.path());
    let name = current_name(&app);
    app.update(Action::Reply);
    app.update(Action::ComposeKey(key('x')));
    // Killed: no leaving.
    drop(app);
    let start = || {
        let mut app = app_unsized(
            Source::Sample,
            dir.path(),
            false,
            &[],
            Some(before),
            Some(this),
        );
        app.update(Action::Resize(80, 24));
        app
    };
    let read = || {
        let (journal, _) = Journal::open_read_only(dir.path()).unwrap();
        journal.read_seen().unwrap()
    };
    let mut app = start();
    assert_eq!(app.mode, Mode::Compose);
    let news = app.notices[0].clone();
    assert!(
        news.contains(
            " new since the export you opened on 2 Oct 2026: at the top of each group's list"
        ),
        "{news}"
    );
    let status = status_text(&app).to_string();
    assert!(
        status.starts_with(&format!("Recovered your unsaved reply to {name} (")),
        "{status}"
    );
    assert!(!status.contains("new since"), "{status}");
    app.update(Action::ComposeKey(key('y')));
    assert!(!screen(&app, 80, 24).contains("new since"));
    // The run ends with the composer open: the news was never shown.
    leave(&mut app);
    drop(app);
    assert_eq!(read(), None, "seen, though never shown");

    // Left for later, the list is back, and the news with it.
    let mut app = start();
    assert_eq!(app.mode, Mode::Compose);
    app.update(Action::Cancel);
    app.update(Action::ComposeKey(key('l')));
    assert_eq!(app.mode, Mode::List);
    let status = status_text(&app).to_string();
    assert!(
        status.starts_with(&format!("Left your reply to {name} for later, not saved: "))
            && status.ends_with(&format!(" · {news}")),
        "{status}"
    );
    // Too long for 80 columns, it is said in short; whole on a wider one.
    let out = screen(&app, 80, 24);
    assert!(
        out.contains(" new invitations at the top of each") && out.contains("(? shows the note)"),
        "{out}"
    );
    let out = screen(&app, 120, 40);
    assert!(
        out.contains(" new since the export you opened") && out.contains("newest first"),
        "{out}"
    );
    // Told once: the next key's status is its own.
    app.update(Action::Down);
    assert!(app.status.is_none() || !status_text(&app).contains("new since"));
    leave(&mut app);
    drop(app);
    assert_eq!(read(), Some(this));

    // Saved: the news follows the copy's report, which comes after the
    // key (the loop sends it back).
    std::fs::remove_file(dir.path().join("seen.json")).unwrap();
    let mut app = start();
    assert_eq!(app.mode, Mode::Compose);
    assert!(matches!(
        app.update(Action::ComposeSave),
        Some(Effect::Copy { .. })
    ));
    assert_eq!(status_text(&app), format!("Draft saved for {name}"));
    let copied = format!("Copied the saved reply to {name} (via test)");
    app.update(Action::Status(copied.clone(), false));
    assert_eq!(status_text(&app), format!("{copied} · {news}"));
    leave(&mut app);
    assert_eq!(read(), Some(this));
}

/// So for the note about a draft left for later that the decision since
/// keeps from opening (a reply, then an accept): it has the status line at
/// the start, and the news follows with the next key (not with a quit,
/// after which nothing more is drawn).
#[test]
fn the_news_waits_for_the_note_of_a_draft_that_does_not_open() {
    let dir = tempfile::tempdir().unwrap();
    let at = |s: &str| import::parse_sent_at(s).unwrap();
    let before = Seen {
        newest: at("2026-10-01T09:00:00"),
        opened: at("2026-10-02T08:00:00"),
    };
    let this = Seen {
        newest: now(),
        opened: now(),
    };
    let mut app = sample_app(dir.path());
    let who = app.current().unwrap().id;
    let name = current_name(&app);
    app.update(Action::Reply);
    type_and_leave_for_later(&mut app, 'x');
    go_to(&mut app, who);
    app.update(Action::Accept);
    leave(&mut app);
    drop(app);
    let start = || {
        let mut app = app_unsized(
            Source::Sample,
            dir.path(),
            false,
            &[],
            Some(before),
            Some(this),
        );
        app.update(Action::Resize(80, 24));
        app
    };
    let read = || {
        let (journal, _) = Journal::open_read_only(dir.path()).unwrap();
        journal.read_seen().unwrap()
    };
    let mut app = start();
    assert_eq!(app.mode, Mode::List);
    let news = app.notices[0].clone();
    assert!(
        news.contains(" new since the export you opened on 2 Oct 2026"),
        "{news}"
    );
    let note = status_text(&app).to_string();
    assert!(
        note.starts_with(&format!("Your unsaved reply to {name} (")) && !note.contains("new since"),
        "{note}"
    );
    app.update(Action::Resize(100, 30));
    assert_eq!(status_text(&app), note);
    assert!(matches!(app.update(Action::Quit), Some(Effect::Quit)));
    leave(&mut app);
    drop(app);
    assert_eq!(read(), None, "seen, though never shown");

    let mut app = start();
    app.update(Action::Down);
    assert_eq!(status_text(&app), news);
    leave(&mut app);
    assert_eq!(read(), Some(this));
}

/// A note the start puts first that is not the news (an export older than
/// one opened before) keeps the status line from the note about a draft
/// that does not open, which waits under `?` with the others.
#[test]
fn an_older_export_keeps_the_line_from_a_draft_note() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let who = app.current().unwrap().id;
    app.update(Action::Reply);
    type_and_leave_for_later(&mut app, 'x');
    go_to(&mut app, who);
    app.update(Action::Accept);
    leave(&mut app);
    drop(app);
    let later = now() + chrono::Duration::days(3);
    let seen = Seen {
        newest: later,
        opened: later,
    };
    let app = app_unsized(Source::Sample, dir.path(), false, &[], Some(seen), None);
    let line = status_text(&app);
    assert!(line.contains("looks older"), "{line}");
    assert!(
        app.notices
            .iter()
            .any(|n| n.contains(") waits on disk, not opened: ")),
        "{:#?}",
        app.notices
    );
}

/// A reply saved takes the row out of the marks, as an accept does: a bulk
/// ignore of the marks overturned it without a word. And an answer of n to
/// a bulk question leaves every mark as it was (those already so decided
/// were unmarked before the question).
#[test]
fn marks_give_way_to_a_reply_and_stay_through_a_no() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Tab(Tab::Customised));
    app.update(Action::Mark);
    app.update(Action::Up);
    app.update(Action::Reply);
    app.update(Action::ComposeKey(key('A')));
    app.update(Action::ComposeSave);
    assert_eq!(app.marked_count, 0, "the replied row is unmarked");

    let ignored = app.current().unwrap().id;
    app.update(Action::Ignore);
    go_to(&mut app, ignored);
    app.update(Action::Mark);
    app.update(Action::Tab(Tab::Default));
    app.update(Action::Mark);
    app.update(Action::Tab(Tab::Customised));
    assert_eq!(app.marked_count, 2);
    app.update(Action::IgnoreMarked);
    assert!(matches!(app.mode, invitriage::tui::app::Mode::Confirm(_)));
    app.update(Action::Confirm(false));
    assert_eq!(app.marked_count, 2, "n leaves the marks");
    app.update(Action::AcceptMarked);
    app.update(Action::Confirm(true));
    assert_eq!(app.marked_count, 0);
    let i = app
        .invitations
        .iter()
        .position(|inv| inv.id == ignored)
        .unwrap();
    assert_eq!(
        app.decisions[i],
        Some(Decision::Accepted),
        "the ignored one too"
    );
}

/// `V` marks a range: from the top of the list to the cursor, then from
/// the row last marked to the cursor, as a click with Shift does in a mail
/// list ("accept the newest 70" took 70 presses of space). Marks made
/// before stay, and the count is said.
#[test]
fn a_range_is_marked_in_one_key() {
    use invitriage::tui::keys::key_action;
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Resize(100, 40));
    app.update(Action::Tab(Tab::Default));
    let press = |app: &mut App, c: char| {
        let action = key_action(&app.keymap, app.key_context(), &key(c));
        app.update(action)
    };
    let name = |app: &App, r: usize| {
        invitriage::text::name_line(app.invitations[app.rows[r] as usize].counterpart())
    };
    for _ in 0..4 {
        app.update(Action::Down);
    }
    press(&mut app, 'V');
    assert_eq!(app.marked_count, 5);
    assert!((0..5).all(|r| app.marked[app.rows[r] as usize]));
    assert!(!app.marked[app.rows[5] as usize]);
    assert_eq!(
        status_text(&app),
        format!(
            "Marked 5 rows from {} to {} · 5 marked: A accepts, I ignores them",
            name(&app, 0),
            name(&app, 4)
        )
    );
    // From a row marked by itself, upwards: only the rows not marked yet.
    for _ in 0..6 {
        app.update(Action::Down);
    }
    app.update(Action::Mark); // row 10, the cursor on 11
    app.update(Action::Up);
    app.update(Action::Up);
    app.update(Action::Up); // row 8
    press(&mut app, 'V');
    assert_eq!(app.marked_count, 8);
    assert!((8..=10).all(|r| app.marked[app.rows[r] as usize]));
    assert!(!app.marked[app.rows[7] as usize]);
    assert_eq!(
        status_text(&app),
        format!(
            "Marked 2 rows from {} to {} · 8 marked: A accepts, I ignores them",
            name(&app, 8),
            name(&app, 10)
        )
    );
    // Nothing new to mark there.
    press(&mut app, 'V');
    assert_eq!(app.marked_count, 8);
    assert!(
        status_text(&app).starts_with("Nothing more to mark "),
        "{}",
        status_text(&app)
    );
    // From the space row still, not from where the last V ended.
    app.update(Action::Down);
    app.update(Action::Down); // row 10
    press(&mut app, 'V');
    assert_eq!(
        status_text(&app),
        format!(
            "Nothing more to mark on {}: every row there is marked already",
            name(&app, 10)
        )
    );
    // The bulk step takes them all.
    press(&mut app, 'A');
    if matches!(app.mode, invitriage::tui::app::Mode::Confirm(_)) {
        app.update(Action::Confirm(true));
    }
    assert_eq!(app.marked_count, 0);
    assert_eq!(
        app.decisions.iter().filter(|d| d.is_some()).count(),
        8,
        "the 8 marked, no more"
    );
    // On an empty list, V and space say so.
    while app.filter != Filter::Replied {
        app.update(Action::CycleFilter);
    }
    assert!(app.rows.is_empty());
    press(&mut app, 'V');
    assert!(status_text(&app).starts_with("Nothing here to mark · f changes the filter"));
    app.update(Action::Mark);
    assert!(status_text(&app).starts_with("Nothing here to mark · f changes the filter"));
    while app.filter != Filter::Undecided {
        app.update(Action::CycleFilter);
    }
    // Esc clears the marks, and the next V starts from the top again.
    app.update(Action::Tab(Tab::Default));
    app.update(Action::First);
    app.update(Action::Down);
    app.update(Action::Mark); // row 1, the cursor on 2
    app.update(Action::Cancel);
    press(&mut app, 'V');
    assert_eq!(app.marked_count, 3, "{}", status_text(&app));
    app.update(Action::Cancel);
    // Not on the Sent tab, where nothing is accepted.
    app.update(Action::Tab(Tab::Sent));
    press(&mut app, 'V');
    assert_eq!(app.marked_count, 0);
    assert!(status_text(&app).starts_with("This tab lists the invitations you sent"));
}

/// A bulk step undone keeps the cursor where it is (a tester ignored the
/// pitches, which sort last, and the undo took the cursor 400 rows down);
/// one invitation undone is shown, as the news.
#[test]
fn a_bulk_undo_keeps_the_cursors_place() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Resize(100, 40));
    app.update(Action::Tab(Tab::Default));
    for _ in 0..5 {
        app.update(Action::Mark);
    }
    app.update(Action::Last);
    app.update(Action::IgnoreMarked);
    if matches!(app.mode, invitriage::tui::app::Mode::Confirm(_)) {
        app.update(Action::Confirm(true));
    }
    app.update(Action::First);
    for _ in 0..7 {
        app.update(Action::Down);
    }
    let here = app.current().unwrap().id;
    app.update(Action::Undo);
    assert!(
        status_text(&app).starts_with("Undid ignore"),
        "{}",
        status_text(&app)
    );
    assert_eq!(app.decisions.iter().filter(|d| d.is_some()).count(), 0);
    assert_eq!(app.current().unwrap().id, here, "the cursor stays");
    // Made on the All tab, on rows of several tabs, undone on one of them.
    app.update(Action::Tab(Tab::All));
    app.update(Action::First);
    for _ in 0..12 {
        app.update(Action::Mark);
    }
    app.update(Action::AcceptMarked);
    if matches!(app.mode, invitriage::tui::app::Mode::Confirm(_)) {
        app.update(Action::Confirm(true));
    }
    app.update(Action::Tab(Tab::Default));
    app.update(Action::First);
    for _ in 0..19 {
        app.update(Action::Down);
    }
    let here = app.current().unwrap().id;
    app.update(Action::Undo);
    if matches!(app.mode, invitriage::tui::app::Mode::ConfirmUndo { .. }) {
        app.update(Action::Confirm(true));
    }
    assert_eq!(app.decisions.iter().filter(|d| d.is_some()).count(), 0);
    assert_eq!(app.current().unwrap().id, here, "the cursor stays here too");
    // A tab the step emptied gets its rows back, and stays the tab.
    app.update(Action::Tab(Tab::All));
    app.update(Action::IgnoreMarked);
    app.update(Action::Confirm(true));
    app.update(Action::Tab(Tab::Customised));
    assert!(app.rows.is_empty());
    app.update(Action::Undo);
    if matches!(app.mode, invitriage::tui::app::Mode::ConfirmUndo { .. }) {
        app.update(Action::Confirm(true));
    }
    assert_eq!(app.current_tab(), Tab::Customised);
    assert_eq!(app.rows.len(), 13);
    // One decision undone: its row is shown.
    app.update(Action::First);
    let first = app.current().unwrap().id;
    app.update(Action::Ignore);
    app.update(Action::Down);
    app.update(Action::Undo);
    assert_eq!(app.current().unwrap().id, first);
}

/// `q` with rows marked asks first: marks are not kept, and one stray `q`
/// lost a selection made by hand over dozens of rows. `y` quits; any other
/// key stays, the marks as they were (`Esc` too, which in the list clears
/// them). Ctrl-C quits at once, as it always did; so does `q` with nothing
/// marked.
#[test]
fn quitting_with_rows_marked_asks_first() {
    use invitriage::tui::keys::key_action;
    let press = |app: &mut App, ev: KeyEvent| {
        let action = key_action(&app.keymap, app.key_context(), &ev);
        app.update(action)
    };
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    for _ in 0..3 {
        app.update(Action::Mark);
    }
    let question =
        "Quit? The 3 marked rows are not kept (decisions are) · y quits · any other key stays";
    for no in [esc, key('n'), key('j'), key('q')] {
        assert_eq!(press(&mut app, key('q')), None, "asked first");
        assert_eq!(status_text(&app), question);
        let cursor = app.cursor;
        assert_eq!(press(&mut app, no), None, "{no:?} stays");
        assert_eq!(status_text(&app), "Not quitting: the marks stay");
        assert_eq!(app.marked_count, 3, "{no:?} keeps the marks");
        assert_eq!(app.cursor, cursor, "{no:?} does nothing more");
    }
    press(&mut app, key('q'));
    let flat = screen(&app, 80, 24)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        flat.contains("Quit? The 3 marked rows are not kept"),
        "{flat}"
    );
    assert_eq!(press(&mut app, key('y')), Some(Effect::Quit));

    // On a screen too small for the status line, the question shows
    // instead of the size it needs, and y answers it there too.
    drop(app);
    let mut app = sample_app(dir.path());
    app.update(Action::Mark);
    app.update(Action::Resize(50, 12));
    assert_eq!(press(&mut app, key('q')), None);
    let flat = (0..12)
        .map(|y| row_text(&app, 50, 12, y))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        flat.starts_with("Quit? The marked row is not kept (decisions are) · y quits"),
        "{flat}"
    );
    assert_eq!(press(&mut app, key('y')), Some(Effect::Quit));

    // Ctrl-C asks nothing, the question open or not.
    drop(app);
    let mut app = sample_app(dir.path());
    app.update(Action::Mark);
    assert_eq!(press(&mut app, ctrl_c), Some(Effect::Quit));
    press(&mut app, key('q'));
    assert_eq!(press(&mut app, ctrl_c), Some(Effect::Quit));
    // Nothing marked: q quits at once.
    assert!(!app.quit_asked());
    app.update(Action::Cancel);
    assert_eq!(app.marked_count, 0);
    assert_eq!(press(&mut app, key('q')), Some(Effect::Quit));
}

/// Words a template replaced are in Ctrl-U's history only: quitting is
/// not refused for them with a message about a full disk (the disk was
/// fine, and nothing there could keep them).
#[test]
fn words_a_template_replaced_do_not_hold_up_quitting() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Reply);
    app.update(Action::ComposeKey(key('G')));
    app.update(Action::ComposeNextTemplate);
    app.update(Action::ComposeNextTemplate);
    assert!(
        !app.composer.as_ref().unwrap().text().contains('G'),
        "replaced"
    );
    assert_eq!(
        app.update(Action::Quit),
        Some(Effect::Quit),
        "{:?}",
        app.status
    );
}

/// Side by side, a status of several lines covers the list's last rows:
/// the row under the cursor is still drawn, above it.
#[test]
fn a_long_status_leaves_the_cursor_row_in_sight() {
    let long = "Longname".repeat(25);
    let mut csv =
        String::from("From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n");
    for i in 0..30 {
        csv.push_str(&format!(
            "Person{i} {long},Colleen Ruiz,\"11/{}/26, 9:00 AM\",,INCOMING,https://www.linkedin.com/in/p{i},https://www.linkedin.com/in/c\n",
            i % 28 + 1
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_from_csv(&csv, &dir);
    app.update(Action::Resize(160, 20));
    app.update(Action::Last);
    app.update(Action::Up);
    app.update(Action::Accept);
    let out = screen(&app, 160, 20);
    assert!(
        out.lines().filter(|l| l.contains("Accepted")).count() >= 1,
        "{out}"
    );
    assert!(out.contains('▸'), "the cursor's row is drawn:\n{out}");
}

/// The header's title is chosen by terminal columns: a file name in CJK
/// (two columns a character) made it pick a form too wide, cut before the
/// default count.
#[test]
fn a_wide_file_name_leaves_the_counts_in_the_header() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("招待状招待状招待状招待状招待状.csv");
    let mut csv =
        String::from("From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n");
    for i in 0..47 {
        csv.push_str(&format!(
            "P{i},Colleen Ruiz,\"11/{}/26, 9:00 AM\",,INCOMING,https://www.linkedin.com/in/p{i},https://www.linkedin.com/in/c\n",
            i % 28 + 1
        ));
    }
    std::fs::write(&path, csv).unwrap();
    let mut app = app_from(Source::Path(path), &dir.path().join("data"));
    app.update(Action::Resize(60, 15));
    let header = row_text(&app, 60, 15, 0);
    assert!(header.contains("47 dflt (100%)"), "{header}");
}

/// At 60 columns a four-digit list gives up the position's padding and the
/// filter's `filter:` before the position itself, which went without a
/// sign (a tester lost their place in 1,448 rows).
#[test]
fn a_narrow_header_keeps_the_row_position() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv =
        String::from("From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n");
    for i in 0..1200 {
        csv.push_str(&format!(
            "P{i},Colleen Ruiz,\"11/{}/26, 9:00 AM\",,INCOMING,https://www.linkedin.com/in/p{i},https://www.linkedin.com/in/c\n",
            i % 28 + 1
        ));
    }
    let mut app = app_from_csv(&csv, &dir);
    app.update(Action::Resize(60, 15));
    let bar = row_text(&app, 60, 15, 1);
    assert!(bar.contains("1 of 1200 · "), "{bar}");
    assert!(bar.trim_end().ends_with("undecided"), "{bar}");
    // With room, the long form as before.
    app.update(Action::Resize(100, 15));
    let bar = row_text(&app, 100, 15, 1);
    assert!(
        bar.contains("row    1 of 1200 · filter: undecided"),
        "{bar}"
    );
    // With a mark too: the bar gives way, the percentage stays.
    app.update(Action::Mark);
    let bar = row_text(&app, 60, 15, 1);
    assert!(
        bar.contains(" 0% ") && bar.contains("1 marked · 2 of 1200 · undecided"),
        "{bar}"
    );
    assert!(!bar.contains('▕'), "{bar}");
}

/// An ignore is recorded here only, and doing it on LinkedIn is optional
/// (as the export's checklist says): the detail pane does not tell the
/// user to go and do it, as it does for an accept.
#[test]
fn an_ignored_row_does_not_send_the_user_to_linkedin() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Ignore);
    app.update(Action::Up);
    let out = screen(&app, 200, 40);
    assert!(
        out.contains("recorded here only: ignoring it on LinkedIn"),
        "{out}"
    );
    assert!(out.contains("optional (o opens the profile)"), "{out}");
    assert!(!out.contains("to do it on LinkedIn"), "{out}");
    // With no key to open the profile: said without one.
    let mut keys = std::collections::BTreeMap::new();
    keys.insert(
        "open".to_string(),
        invitriage::config::KeyBinding::Many(vec![]),
    );
    app.keymap = Keymap::new(&keys).unwrap();
    let out = screen(&app, 200, 40);
    assert!(
        out.contains("recorded here only: ignoring it on LinkedIn too is"),
        "{out}"
    );
    assert!(!out.contains("opens the profile"), "{out}");
    app.update(Action::Accept);
    app.update(Action::Up);
    let out = screen(&app, 200, 40);
    assert!(
        out.contains("recorded here only: do it on LinkedIn"),
        "{out}"
    );
}

/// Two invitations between the same two people (joined exports, or a
/// re-sent one beside the old) share an id, and so a decision: a note from
/// loading says so, before one key marks two rows.
#[test]
fn two_invitations_between_the_same_people_are_told_of() {
    let row = |sent: &str, note: &str, who: &str| {
        format!(
            "{who},Colleen Ruiz,\"{sent}\",{note},INCOMING,https://www.linkedin.com/in/{who},https://www.linkedin.com/in/colleen\n"
        )
    };
    let head = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n";
    let csv = format!(
        "{head}{}{}{}",
        row("11/20/26, 3:43 PM", "We met at RustConf", "alex"),
        row("10/2/26, 3:43 PM", "", "alex"),
        row("11/1/26, 3:43 PM", "", "bo")
    );
    let dir = tempfile::tempdir().unwrap();
    let app = app_from_csv(&csv, &dir);
    assert_eq!(
        app.notices,
        [
            "alex has 2 invitations in this export (lines 2 and 3), between the same two people: a decision made here on one is on each (were two exports joined?)"
        ]
    );
    let csv = format!(
        "{csv}{}{}",
        row("9/1/26, 3:43 PM", "Hi", "bo"),
        row("9/2/26, 3:43 PM", "", "cy")
    );
    let dir = tempfile::tempdir().unwrap();
    let app = app_from_csv(&csv, &dir);
    assert_eq!(
        app.notices,
        [
            "2 people have more than one invitation in this export (alex, bo): a decision made here on one is on each (were two exports joined?)"
        ]
    );
}

/// Two exports joined: a step on a person's older invitation is on their
/// newer one too, as the start note says. It was kept with the older
/// one's date, and the newer one was undecided again (and `u` then said it
/// undid a decision the screen did not show).
#[test]
fn a_step_on_either_of_a_persons_two_invitations_is_on_both() {
    let csv = format!(
        "{HEAD}{}{}{}",
        incoming_row("Alex Li", "10/2/26, 9:00 AM").replace(",,INCOMING", ",Hi Colleen,INCOMING"),
        incoming_row("Alex Li", "11/20/26, 9:00 AM"),
        incoming_row("Eve Ng", "11/1/26, 9:00 AM")
    );
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_from_csv(&csv, &dir);
    app.update(Action::Tab(Tab::All));
    app.update(Action::Resize(160, 40));
    let older = 0;
    assert!(app.invitations[older as usize].sent_at < app.invitations[1].sent_at);
    let row = app.rows.iter().position(|&i| i == older).unwrap();
    app.update(Action::First);
    for _ in 0..row {
        app.update(Action::Down);
    }
    app.update(Action::Ignore);
    assert_eq!(app.decisions[..2], [Some(Decision::Ignored); 2]);
    assert_eq!(app.progress(), (2, 3));
    app.update(Action::Undo);
    assert_eq!(app.decisions[..2], [None; 2]);
    assert!(
        status_text(&app).starts_with("Undid ignore"),
        "{}",
        status_text(&app)
    );
    app.update(Action::Ignore);
    drop(app);
    // And so it is read back.
    let app = app_from_csv(&csv, &dir);
    assert_eq!(app.decisions[..2], [Some(Decision::Ignored); 2]);
    // The action list names the later invitation once, with its group
    // (its note is LinkedIn's none, the earlier one's a greeting).
    let mut out = Vec::new();
    invitriage::export::write_actions(
        &mut out,
        invitriage::export::ExportFormat::Csv,
        &app.invitations,
        &app.journal,
        now(),
    )
    .unwrap();
    let out = String::from_utf8(out).unwrap();
    let alex: Vec<&str> = out.lines().filter(|l| l.starts_with("Alex Li,")).collect();
    assert_eq!(alex.len(), 1, "{out}");
    assert!(alex[0].contains(",default,"), "{out}");
}

/// The header of an export with profile URLs.
const HEAD: &str = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n";

/// A row of Colleen Ruiz's export: `who` invited her, with no note.
fn incoming_row(who: &str, sent: &str) -> String {
    format!(
        "{who},Colleen Ruiz,\"{sent}\",,INCOMING,https://www.linkedin.com/in/{},https://www.linkedin.com/in/colleen\n",
        who.replace(' ', "")
    )
}

/// A row of Colleen Ruiz's export: she invited `who`, with no note.
fn outgoing_row(who: &str, sent: &str) -> String {
    format!(
        "Colleen Ruiz,{who},\"{sent}\",,OUTGOING,https://www.linkedin.com/in/colleen,https://www.linkedin.com/in/{}\n",
        who.replace(' ', "")
    )
}

/// An export of Colleen Ruiz's inbox: Dmitri Volkov invited her on
/// `dmitri` (his earlier or his later invitation), Eve Ng on 1 Nov.
fn dmitri_and_eve(dmitri: &str) -> String {
    format!(
        "{HEAD}{}{}",
        incoming_row("Dmitri Volkov", dmitri),
        incoming_row("Eve Ng", "11/1/26, 9:00 AM")
    )
}

/// Turns the filter to `all`.
fn show_all(app: &mut App) {
    while app.filter != Filter::All {
        app.update(Action::CycleFilter);
    }
}

/// Writes `csv` as `name` in `dir` and opens it on the screen, with its
/// decisions in `dir/data`.
fn open_export(dir: &std::path::Path, name: &str, csv: String) -> App {
    let path = dir.join(name);
    std::fs::write(&path, csv).unwrap();
    let mut app = app_from(Source::Path(path), &dir.join("data"));
    app.update(Action::Resize(160, 40));
    app
}

#[test]
fn a_superseded_invitation_is_not_left_to_decide() {
    // Dmitri invited again on 20 Nov; the newer export ignores that one.
    let dir = tempfile::tempdir().unwrap();
    let rows = |dmitri: &str| {
        format!(
            "{HEAD}{}{}{}",
            incoming_row("Dmitri Volkov", dmitri),
            incoming_row("Eve Ng", "11/1/26, 9:00 AM"),
            incoming_row("Fay Lu", "10/30/26, 9:00 AM")
        )
    };
    let mut b = open_export(dir.path(), "B.csv", rows("11/20/26, 9:00 AM"));
    let id = b.invitations[0].id;
    go_to(&mut b, id);
    b.update(Action::Ignore);
    drop(b);
    let mut a = open_export(dir.path(), "A.csv", rows("10/2/26, 9:00 AM"));
    let dmitri = 0;
    assert!(a.is_superseded(dmitri));
    assert!(!a.is_superseded(1));
    // Nothing to decide on it here: done in the progress, out of the
    // undecided ones, and said so at the start.
    assert_eq!(a.progress(), (1, 3));
    assert_eq!(a.tab_shown(Tab::Default), 2);
    assert!(!a.rows.contains(&dmitri), "{:?}", a.rows);
    assert!(
        a.notices.iter().any(|n| n.starts_with(
            "Dmitri Volkov invited you again on 20 Nov 2026, and that invitation has a decision or a draft from a newer export: this one is superseded · nothing to decide on it here: left out of the undecided ones; the filter all lists it (f changes the filter)"
        )),
        "{:?}",
        a.notices
    );
    // A bulk ignore of the tab leaves it out of its count, and says so.
    a.update(Action::IgnoreMarked);
    match &a.mode {
        Mode::Confirm(b) => {
            assert_eq!(b.question, "Ignore all 2 default invitations?");
            assert!(!b.targets.contains(&dmitri));
            assert!(
                b.detail.contains(" The 1 superseded (invited again since, and handled in a newer export) is left out."),
                "{}",
                b.detail
            );
        }
        other => panic!("{other:?}"),
    }
    a.update(Action::Confirm(false));
    a.update(Action::Accept);
    a.update(Action::Accept);
    assert_eq!(a.progress(), (3, 3));
    // Nor is it undecided in the action list.
    let mut md = Vec::new();
    invitriage::export::write_actions(
        &mut md,
        invitriage::export::ExportFormat::Md,
        &a.invitations,
        &a.journal,
        now(),
    )
    .unwrap();
    let md = String::from_utf8(md).unwrap();
    assert!(md.contains("# To do on LinkedIn (2)"), "{md}");
    assert!(!md.contains("Not decided yet"), "{md}");
    assert!(
        md.contains("\n\nSuperseded: 1 received invitation in this export, as its sender invited you again since, and that invitation was handled in a newer export; export that one to act on it.\n"),
        "{md}"
    );
    // Leaving, the counts agree with the progress's 3 of 3.
    let words = a.farewell().unwrap();
    assert!(
        words.ends_with(
            "2 of 3 received invitations decided (2 accepted, 0 ignored, 0 replied), and 1 superseded (invited again since, and handled in a newer export)."
        ),
        "{words}"
    );
    assert!(
        status_text(&a).contains("inbox done"),
        "{}",
        status_text(&a)
    );
    // Under the filter all, it is listed with its mark and the reason,
    // and the cursor passes over it to the next one to decide.
    show_all(&mut a);
    assert!(a.rows.contains(&dmitri));
    let shown = screen(&a, 160, 40);
    assert!(shown.contains("↷ Dmitri Volkov"), "{shown}");
    let id = a.invitations[dmitri as usize].id;
    go_to(&mut a, id);
    let shown = screen(&a, 160, 40);
    assert!(!shown.lines().any(|l| l.trim() == "undecided"), "{shown}");
    // The footer offers no key that takes a step on it.
    let footer = shown.lines().last().unwrap();
    assert!(
        !footer.contains("a accept") && !footer.contains("space mark"),
        "{footer}"
    );
    assert!(footer.contains("f filter"), "{footer}");
    // Nor is it marked for a bulk step.
    a.update(Action::Mark);
    assert_eq!(a.marked_count, 0);
    assert!(
        status_text(&a).starts_with("Not marked: Dmitri Volkov invited you again on 20 Nov 2026"),
        "{}",
        status_text(&a)
    );
    // The statistics leave it out of the undecided ones, and count it.
    a.update(Action::Stats);
    let shown = screen(&a, 160, 40);
    assert!(
        shown.contains(" superseded     1: its sender invited you again"),
        "{shown}"
    );
    assert!(
        shown.contains(" all                    2         0         0          0"),
        "{shown}"
    );
}

/// A reply being written in a newer export, on a person's later
/// invitation, and left unsaved: the older export does not open it on
/// their earlier one (Ctrl-S there saved it onto that one, and the newer
/// export's invitation was undecided again), but says where it waits.
#[test]
fn an_unsaved_draft_waits_for_the_export_it_was_written_in() {
    let dir = tempfile::tempdir().unwrap();
    let rows = dmitri_and_eve;
    let mut b = open_export(dir.path(), "B.csv", rows("11/20/26, 9:00 AM"));
    let id = b.invitations[0].id;
    go_to(&mut b, id);
    b.update(Action::Reply);
    b.update(Action::ComposeKey(key('x')));
    // Killed: no leaving.
    drop(b);
    let mut a = open_export(dir.path(), "A.csv", rows("10/2/26, 9:00 AM"));
    assert_ne!(a.mode, Mode::Compose);
    assert!(a.is_superseded(0));
    assert_eq!(a.progress(), (1, 2));
    assert!(
        a.notices.iter().any(|n| n.starts_with("Your unsaved reply to Dmitri Volkov (")
            && n.ends_with(") waits on disk, not opened: it answers their later invitation, of 20 Nov 2026, in a newer export · open that export to go on with it")),
        "{:?}",
        a.notices
    );
    show_all(&mut a);
    go_to(&mut a, id);
    let shown = screen(&a, 400, 40);
    assert!(
        shown.contains("reply left for later, not saved · open the newest export to go on with it"),
        "{shown}"
    );
    a.update(Action::CopyDraft);
    assert!(
        status_text(&a)
            .starts_with("Nothing to copy here: Dmitri Volkov invited you again on 20 Nov 2026"),
        "{}",
        status_text(&a)
    );
    a.update(Action::Reply);
    assert_ne!(a.mode, Mode::Compose);
    assert!(
        status_text(&a).starts_with("No reply here: Dmitri Volkov invited you again on 20 Nov 2026, and that invitation has a decision or a draft from a newer export"),
        "{}",
        status_text(&a)
    );
    leave(&mut a);
    drop(a);
    // The newer export opens it, on the invitation it was written for.
    let b = open_export(dir.path(), "B.csv", rows("11/20/26, 9:00 AM"));
    assert_eq!(b.mode, Mode::Compose);
    assert!(
        status_text(&b).starts_with("Recovered your unsaved reply to Dmitri Volkov ("),
        "{}",
        status_text(&b)
    );
}

/// The other way round: a reply left unsaved in an older export, on a
/// person's earlier invitation, is not opened unasked on their later one
/// in the newer export (it was, with nothing said, and Ctrl-S saved it
/// there); `r` opens it, saying whom it was written for.
#[test]
fn an_unsaved_draft_for_an_earlier_invitation_opens_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let rows = dmitri_and_eve;
    let mut a = open_export(dir.path(), "A.csv", rows("10/2/26, 9:00 AM"));
    let id = a.invitations[0].id;
    go_to(&mut a, id);
    a.update(Action::Reply);
    a.update(Action::ComposeKey(key('x')));
    let words = a.composer.as_ref().unwrap().text();
    drop(a);
    let mut b = open_export(dir.path(), "B.csv", rows("11/20/26, 9:00 AM"));
    assert_ne!(b.mode, Mode::Compose);
    assert!(
        b.notices.iter().any(|n| n.starts_with("Your unsaved reply to Dmitri Volkov (")
            && n.ends_with(") was written for their earlier invitation, of 2 Oct 2026, in an older export: not opened · r on their invitation here opens it, to save it for this one or discard it")),
        "{:?}",
        b.notices
    );
    go_to(&mut b, id);
    b.update(Action::Reply);
    assert_eq!(b.mode, Mode::Compose);
    assert_eq!(b.composer.as_ref().unwrap().text(), words);
    assert_eq!(
        status_text(&b),
        "Your unsaved reply, written for their earlier invitation of 2 Oct 2026: Ctrl-S saves it for this one · Esc, then y discards it"
    );
    // Left for later again, as it was: the next start names it, not
    // opens it. (Changed here, it would be this invitation's.)
    b.update(Action::Cancel);
    b.update(Action::ComposeKey(key('l')));
    assert_eq!(
        status_text(&b),
        "Left your reply to Dmitri Volkov for later, not saved: r on their row opens it again (the next start names it)"
    );
}

/// A reply saved, then undone, in a newer export, on a person's later
/// invitation: the older export does not offer its words back on their
/// earlier one (`Ctrl-S` there saved them onto it).
#[test]
fn an_undone_draft_stays_with_the_invitation_it_was_written_for() {
    let dir = tempfile::tempdir().unwrap();
    let rows = dmitri_and_eve;
    let mut b = open_export(dir.path(), "B.csv", rows("11/20/26, 9:00 AM"));
    let id = b.invitations[0].id;
    go_to(&mut b, id);
    b.update(Action::Reply);
    b.update(Action::ComposeKey(key('x')));
    b.update(Action::ComposeSave);
    b.update(Action::Undo);
    assert!(
        status_text(&b).starts_with("Undid reply draft: Dmitri Volkov"),
        "{}",
        status_text(&b)
    );
    drop(b);
    let mut a = open_export(dir.path(), "A.csv", rows("10/2/26, 9:00 AM"));
    assert!(!a.is_superseded(0));
    go_to(&mut a, id);
    a.update(Action::Reply);
    assert_eq!(a.mode, Mode::Compose);
    assert!(a.composer.as_ref().is_some_and(|c| !c.undone));
    drop(a);
    // The newer export offers them back.
    let mut b = open_export(dir.path(), "B.csv", rows("11/20/26, 9:00 AM"));
    go_to(&mut b, id);
    b.update(Action::Reply);
    assert!(b.composer.as_ref().is_some_and(|c| c.undone));
}

/// `p` in an older export leaves a superseded pitch unmarked, as space
/// does: no bulk step takes it.
#[test]
fn p_leaves_a_superseded_pitch_unmarked() {
    let pitch = ",\"Hi Colleen, we help logistics firms cut freight spend 20% with our platform. Would you be open to a 15-minute demo next week?\",INCOMING";
    let dir = tempfile::tempdir().unwrap();
    let rows = |ana: &str| {
        format!(
            "{HEAD}{}{}",
            incoming_row("Ana Ruiz", ana).replace(",,INCOMING", pitch),
            incoming_row("Bo Chen", "11/1/26, 9:00 AM").replace(",,INCOMING", pitch)
        )
    };
    let mut b = open_export(dir.path(), "B.csv", rows("11/20/26, 9:00 AM"));
    let id = b.invitations[0].id;
    go_to(&mut b, id);
    b.update(Action::Ignore);
    drop(b);
    let mut a = open_export(dir.path(), "A.csv", rows("10/2/26, 9:00 AM"));
    assert!(a.is_superseded(0));
    show_all(&mut a);
    assert!(a.rows.contains(&0));
    a.update(Action::MarkPitches);
    assert_eq!(a.marked, [false, true]);
    assert!(
        status_text(&a).starts_with("Marked 1 pitch "),
        "{}",
        status_text(&a)
    );
    drop(a);
    // With only the superseded one, p says why it marks nothing.
    let only = format!(
        "{HEAD}{}{}",
        incoming_row("Ana Ruiz", "10/2/26, 9:00 AM").replace(",,INCOMING", pitch),
        incoming_row("Bo Chen", "11/1/26, 9:00 AM")
    );
    let mut a = open_export(dir.path(), "A2.csv", only);
    a.update(Action::Tab(Tab::All));
    show_all(&mut a);
    a.update(Action::MarkPitches);
    assert_eq!(a.marked_count, 0);
    assert_eq!(
        status_text(&a),
        "No pitch to mark in this list: the one here is superseded (invited again since, and handled in a newer export)"
    );
}

/// `u` in an older export, when the newer export's last step is a bulk
/// one: it is said to be on all of them, not on one person.
#[test]
fn undo_in_an_older_export_names_a_newer_bulk_step_whole() {
    let dir = tempfile::tempdir().unwrap();
    let rows = dmitri_and_eve;
    let mut b = open_export(dir.path(), "B.csv", rows("11/20/26, 9:00 AM"));
    b.update(Action::IgnoreMarked);
    b.update(Action::Confirm(true));
    assert_eq!(b.decisions, [Some(Decision::Ignored); 2]);
    drop(b);
    let mut a = open_export(dir.path(), "A.csv", rows("10/2/26, 9:00 AM"));
    a.update(Action::Undo);
    assert_eq!(
        status_text(&a),
        "Not undone: the last step (ignore, 25 Nov 12:00) is on 2 invitations from a newer export, among them Dmitri Volkov's later invitation, sent 20 Nov 2026, not on the one here · open the newest export to undo it"
    );
    assert_eq!(a.decisions[1], Some(Decision::Ignored));
}

/// The last one of a tab decided under a filter that hides the undecided:
/// the way to the next tab's undecided ones names the filter too (it goes
/// along, and that tab looked done).
#[test]
fn the_next_tab_hint_names_the_filter_it_needs() {
    let dir = tempfile::tempdir().unwrap();
    let csv = format!(
        "{HEAD}{}{}",
        incoming_row("Eve Ng", "11/1/26, 9:00 AM"),
        incoming_row("Ann Lee", "11/2/26, 9:00 AM").replace(",,INCOMING", ",Hi Colleen,INCOMING")
    );
    let mut app = open_export(dir.path(), "one.csv", csv);
    app.update(Action::Tab(Tab::Default));
    app.update(Action::Accept);
    while app.filter != Filter::Accepted {
        app.update(Action::CycleFilter);
    }
    app.update(Action::Mark);
    app.update(Action::IgnoreMarked);
    if matches!(app.mode, Mode::Confirm(_)) {
        app.update(Action::Confirm(true));
    }
    assert!(
        status_text(&app).ends_with(
            "all decided here · press 2 for Greeting-only, and f until the filter is undecided"
        ),
        "{}",
        status_text(&app)
    );
}

/// With no row under the cursor, a key says what could bring one: not a
/// filter on a tab that lists nobody, nor anything on an empty export.
#[test]
fn keys_on_an_empty_list_say_what_could_help() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = open_export(dir.path(), "empty.csv", HEAD.to_string());
    app.update(Action::Accept);
    assert_eq!(
        status_text(&app),
        "Nothing here to decide: this export holds no invitation"
    );
    app.update(Action::Tab(Tab::Sent));
    app.update(Action::IgnoreMarked);
    assert_eq!(
        status_text(&app),
        "No invitation you sent is in this export: nothing to accept or ignore here"
    );
    drop(app);
    let rows = format!("{HEAD}{}", incoming_row("Eve Ng", "11/1/26, 9:00 AM"));
    let mut app = open_export(dir.path(), "one.csv", rows);
    app.update(Action::Tab(Tab::Customised));
    app.update(Action::Accept);
    assert_eq!(
        status_text(&app),
        "Nothing here to decide · Tab goes to the next tab"
    );
    // Nor anything to open, copy or mark sent: said, not silent.
    for (action, verb) in [
        (Action::OpenProfile, "open"),
        (Action::CopyUrl, "copy"),
        (Action::CopyDraft, "copy"),
        (Action::MarkSent, "mark sent"),
    ] {
        assert!(app.update(action).is_none());
        assert_eq!(
            status_text(&app),
            format!("Nothing here to {verb} · Tab goes to the next tab")
        );
    }
}

/// An older export opened after a newer one, in which a person's later
/// invitation (received, or sent again) was decided: the earlier one says
/// it is superseded, and no key here takes a step on it, or undoes the
/// newer export's: `u` used to take back that decision, and a bulk accept
/// was refused whole, naming no one.
#[test]
fn an_older_export_leaves_a_later_invitations_steps_alone() {
    let head = HEAD;
    let inc = incoming_row;
    let out = outgoing_row;
    let dir = tempfile::tempdir().unwrap();
    let open = |name: &str, csv: String| open_export(dir.path(), name, csv);
    // An export of the inbox: when Dmitri invited, and when Zoe was.
    let export = |dmitri: &str, zoe: &str| {
        format!(
            "{head}{}{}{}",
            inc("Dmitri Volkov", dmitri),
            inc("Eve Ng", "11/1/26, 9:00 AM"),
            out("Zoe Kim", zoe)
        )
    };
    let mut b = open("B.csv", export("11/20/26, 9:00 AM", "10/20/26, 9:00 AM"));
    b.update(Action::Tab(Tab::Default));
    let id = b.invitations[0].id;
    go_to(&mut b, id);
    b.update(Action::Ignore);
    b.update(Action::Tab(Tab::Sent));
    b.update(Action::Withdraw);
    assert!(status_text(&b).starts_with("To withdraw on LinkedIn: Zoe Kim"));
    drop(b);
    let mut a = open("A.csv", export("11/2/26, 9:00 AM", "10/1/26, 9:00 AM"));
    // The sent invitation first: superseded, not offered to withdraw.
    a.update(Action::Tab(Tab::Sent));
    let shown = screen(&a, 160, 40);
    assert!(
        shown.contains("you invited them again on 20 Oct 2026, and that invitation has a"),
        "{shown}"
    );
    assert!(
        shown.contains("withdraw mark from a newer export"),
        "{shown}"
    );
    assert!(!shown.contains("withdraw it (x)"), "{shown}");
    // Stale, but withdrawn (or not) on the newer export: X passes it over.
    a.update(Action::WithdrawStale);
    assert_eq!(a.mode, Mode::List);
    assert!(
        status_text(&a).starts_with("No stale invitation here left to mark"),
        "{}",
        status_text(&a)
    );
    // Nor do the statistics count it as pending: superseded.
    a.update(Action::Stats);
    let shown = screen(&a, 160, 40);
    assert!(
        shown.contains("0 still pending after 21 days · 1 superseded (invited again since)"),
        "{shown}"
    );
    a.update(Action::Stats);
    a.update(Action::Withdraw);
    assert!(
        status_text(&a).starts_with("Not saved: you invited Zoe Kim again on 20 Oct 2026, and that invitation has a withdraw mark from a newer export"),
        "{}",
        status_text(&a)
    );
    // The received one.
    a.update(Action::Tab(Tab::Default));
    let id = a.invitations[0].id;
    go_to(&mut a, id);
    assert!(
        screen(&a, 160, 40)
            .contains("they invited you again on 20 Nov 2026, and that invitation has a"),
        "{}",
        screen(&a, 160, 40)
    );
    a.update(Action::Accept);
    assert!(
        status_text(&a).starts_with("Not saved: Dmitri Volkov invited you again on 20 Nov 2026"),
        "{}",
        status_text(&a)
    );
    a.update(Action::Reply);
    assert_eq!(a.mode, Mode::List);
    assert!(
        status_text(&a).starts_with("No reply here: Dmitri Volkov invited you again"),
        "{}",
        status_text(&a)
    );
    // The last step is the newer export's withdraw mark, on Zoe's later
    // invitation: not undone here.
    a.update(Action::Undo);
    assert_eq!(
        status_text(&a),
        "Not undone: the last step (withdraw, 25 Nov 12:00) is on Zoe Kim's later invitation, sent 20 Oct 2026, from a newer export, not on the one here, and the steps before it wait for it · open the newest export to undo it"
    );
    // Dmitri's is not marked for a bulk accept, and says why; Eve's is.
    let id = a.invitations[0].id;
    go_to(&mut a, id);
    a.update(Action::Mark);
    assert!(
        status_text(&a).starts_with("Not marked: Dmitri Volkov invited you again on 20 Nov 2026"),
        "{}",
        status_text(&a)
    );
    let id = a.invitations[1].id;
    go_to(&mut a, id);
    a.update(Action::Mark);
    a.update(Action::AcceptMarked);
    assert!(
        status_text(&a).starts_with("Accepted 1 invitation · u undoes it · inbox done"),
        "{}",
        status_text(&a)
    );
    assert_eq!(a.marked_count, 0);
    a.update(Action::Undo);
    assert!(
        status_text(&a).starts_with("Undid accept"),
        "{}",
        status_text(&a)
    );
    drop(a);
    // The newer export keeps its steps.
    let b = open(
        "B.csv",
        std::fs::read_to_string(dir.path().join("B.csv")).unwrap(),
    );
    assert_eq!(b.decisions[0], Some(Decision::Ignored));
    assert_eq!(b.decisions[2], Some(Decision::Withdrawn));
    assert_eq!(b.decisions[1], None);
}

/// The question box is as tall as its words wrap: sized by their length
/// over its width, it cut the last line, the undo key, at 60 columns.
#[test]
fn the_question_box_holds_its_last_line() {
    let csv = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n\
        Colleen Ruiz,Ann Lee,\"10/1/26, 9:00 AM\",,OUTGOING,https://www.linkedin.com/in/c,https://www.linkedin.com/in/ann\n\
        Colleen Ruiz,Bo Li,\"10/2/26, 9:00 AM\",,OUTGOING,https://www.linkedin.com/in/c,https://www.linkedin.com/in/bo\n";
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_from_csv(csv, &dir);
    app.update(Action::Resize(60, 15));
    app.update(Action::Tab(Tab::Sent));
    app.update(Action::Withdraw);
    app.update(Action::WithdrawStale);
    assert!(matches!(app.mode, invitriage::tui::app::Mode::Confirm(_)));
    let out = screen(&app, 60, 15);
    // The box's last line of words ends the sentence with the undo key.
    let last = out
        .lines()
        .rfind(|l| l.matches('│').count() == 2 && !l.contains("[y]"))
        .unwrap_or_default()
        .to_string();
    assert!(
        last.trim_end_matches([' ', '"', '│']).ends_with("u."),
        "{out}"
    );
}

/// Puts the cursor on invitation `id` of the current tab, under the
/// first filter (in their cycle from the present one) that shows it.
fn go_to(app: &mut App, id: invitriage::invitation::InvitationId) {
    for _ in 0..5 {
        if let Some(row) = app
            .rows
            .iter()
            .position(|&i| app.invitations[i as usize].id == id)
        {
            app.update(Action::First);
            for _ in 0..row {
                app.update(Action::Down);
            }
            return;
        }
        app.update(Action::CycleFilter);
    }
    panic!("{id} is under no filter of this tab");
}

fn app_from_csv(csv: &str, dir: &tempfile::TempDir) -> App {
    let path = dir.path().join("Invitations.csv");
    std::fs::write(&path, csv).unwrap();
    app_from(Source::Path(path), &dir.path().join("data"))
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut app_size = Terminal::new(TestBackend::new(w, h)).unwrap();
    app_size.draw(|f| view::draw(app, f)).unwrap();
    app_size.backend().to_string()
}

/// Types `query` on the search line, a key at a time.
fn type_query(app: &mut App, query: &str) {
    for c in query.chars() {
        app.update(Action::SearchInput(c));
    }
}

/// In the composer: types `c`, then Esc and `l`, leaving the draft for
/// later.
fn type_and_leave_for_later(app: &mut App, c: char) {
    app.update(Action::ComposeKey(key(c)));
    app.update(Action::Cancel);
    app.update(Action::ComposeKey(key('l')));
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

fn buffer(app: &App, w: u16, h: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| view::draw(app, f)).unwrap();
    terminal.backend().buffer().clone()
}

/// The style of the first cell of the first place `needle` is drawn; the
/// test fails when it is not on the screen.
fn style_of(buf: &Buffer, needle: &str) -> Style {
    for y in 0..buf.area.height {
        // Each cell's symbol, and where it starts in the row's text.
        let (mut row, mut starts) = (String::new(), Vec::new());
        for x in 0..buf.area.width {
            starts.push((row.len(), x));
            row.push_str(buf[(x, y)].symbol());
        }
        if let Some(at) = row.find(needle)
            && let Some(&(_, x)) = starts.iter().find(|(start, _)| *start == at)
        {
            return buf[(x, y)].style();
        }
    }
    panic!("{needle:?} is not on the screen");
}

/// Row `y` of the screen at `w`×`h`, without the spaces at its end.
fn row_text(app: &App, w: u16, h: u16, y: u16) -> String {
    let buf = buffer(app, w, h);
    let row: String = (0..w).map(|x| buf[(x, y)].symbol()).collect();
    row.trim_end().to_string()
}

/// The colour and emphasis of where `needle` is drawn, as a person sees
/// them.
fn look(buf: &Buffer, needle: &str) -> (Color, Modifier) {
    let s = style_of(buf, needle);
    (s.fg.unwrap_or(Color::Reset), s.add_modifier)
}

/// What leaving says about words not saved ([`Action::Leave`]).
fn leave(app: &mut App) -> Vec<String> {
    match app.update(Action::Leave) {
        Some(Effect::Farewell(lines)) => lines,
        other => panic!("leaving gave {other:?}"),
    }
}

/// The status line's text; the test fails when there is none.
fn status_text(app: &App) -> &str {
    &app.status.as_ref().expect("a status line").text
}

fn current_name(app: &App) -> String {
    app.current()
        .map(|i| i.from().to_string())
        .unwrap_or_default()
}

// ---- update ------------------------------------------------------------

#[test]
fn opens_on_customised_with_survey_counts() {
    let dir = tempfile::tempdir().unwrap();
    let app = sample_app(dir.path());
    assert_eq!(app.current_tab(), Tab::Customised);
    assert_eq!(app.incoming.total, 135);
    assert_eq!(app.incoming.by_category.get(Category::Customised), 13);
    assert_eq!(app.incoming.by_category.get(Category::GreetingOnly), 10);
    assert_eq!(app.incoming.by_category.get(Category::Default), 112);
    assert_eq!(app.rows.len(), 13);
    assert_eq!(app.progress(), (0, 135));
}

#[test]
fn opens_on_the_first_group_with_undecided_invitations() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::IgnoreMarked);
    assert!(matches!(app.mode, Mode::Confirm(_)));
    app.update(Action::Confirm(true));
    drop(app);
    let app = sample_app(dir.path());
    assert_eq!(app.current_tab(), Tab::GreetingOnly);
}

#[test]
fn accept_records_and_moves_to_next_undecided() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let first = app.current().unwrap().id;
    let second = app.invitations[app.rows[1] as usize].from().to_string();
    assert_eq!(app.update(Action::Accept), None);
    assert_eq!(
        app.decisions[app.rows[0] as usize],
        Some(Decision::Accepted)
    );
    assert_eq!(
        app.journal.state(first).and_then(|e| e.decision()),
        Some(Decision::Accepted)
    );
    assert_eq!(current_name(&app), second);
    assert_eq!(app.progress().0, 1);
    assert!(status_text(&app).starts_with("Accepted "));
    // With the clock pinned (INVITRIAGE_NOW), decisions carry that time.
    assert_eq!(
        app.journal.state(first).and_then(|e| e.decided_at()),
        Some(now())
    );
    // At the end of a group, the status says where the work goes on.
    for _ in 1..13 {
        app.update(Action::Accept);
    }
    assert_eq!(app.counts[0].accepted, 13);
    let status = status_text(&app);
    assert!(
        status.ends_with("· all decided here · press 2 for Greeting-only"),
        "{status}"
    );
}

#[test]
fn ignore_then_undo_restores_and_moves_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let who = current_name(&app);
    app.update(Action::Ignore);
    assert_eq!(app.progress().0, 1);
    app.update(Action::Undo);
    assert_eq!(app.progress().0, 0);
    assert_eq!(current_name(&app), who);
    assert!(status_text(&app).contains("Undid ignore"));
    app.update(Action::Undo);
    assert_eq!(status_text(&app), "Nothing to undo");
}

/// Undoing a decision made over another says what the row went back to.
#[test]
fn undoing_a_changed_decision_says_what_it_went_back_to() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let who = app.current().unwrap().id;
    let name = app.current().unwrap().from().to_string();
    app.update(Action::Accept);
    go_to(&mut app, who);
    app.update(Action::Ignore);
    app.update(Action::Undo);
    assert_eq!(
        status_text(&app),
        format!("Undid ignore: {name} (accepted again)")
    );
    app.update(Action::Undo);
    assert_eq!(status_text(&app), format!("Undid accept: {name}"));
    // A bulk step over one earlier decision: what each went back to.
    go_to(&mut app, who);
    app.update(Action::Accept);
    go_to(&mut app, who);
    app.update(Action::Mark);
    app.update(Action::Mark);
    assert_eq!(app.marked_count, 2);
    app.update(Action::IgnoreMarked);
    if matches!(app.mode, Mode::Confirm(_)) {
        app.update(Action::Confirm(true));
    }
    app.update(Action::Undo);
    assert!(
        status_text(&app)
            .starts_with("Undid ignore: 2 invitations (1 undecided, 1 accepted again)"),
        "{}",
        status_text(&app)
    );
}

#[test]
fn undo_works_across_a_restart_and_many_levels() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Accept);
    app.update(Action::Ignore);
    app.update(Action::Accept);
    assert_eq!(app.progress().0, 3);
    drop(app);
    let mut app = sample_app(dir.path());
    assert_eq!(app.progress().0, 3, "decisions survive a restart");
    app.update(Action::Undo);
    app.update(Action::Undo);
    assert_eq!(app.progress().0, 1);
    assert_eq!(app.counts[0].accepted, 1);
    assert_eq!(app.counts[0].ignored, 0);
}

#[test]
fn marks_then_bulk_accept_without_confirmation_and_one_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Mark);
    app.update(Action::Mark);
    app.update(Action::Down);
    app.update(Action::Mark);
    assert_eq!(app.marked_count, 3);
    // Space on a marked row takes its mark away, and says so.
    app.update(Action::Up);
    app.update(Action::Mark);
    assert!(
        status_text(&app).ends_with(" · 2 still marked"),
        "{}",
        status_text(&app)
    );
    app.update(Action::Up);
    app.update(Action::Mark);
    assert_eq!(app.marked_count, 3);
    app.update(Action::AcceptMarked);
    assert_eq!(app.mode, Mode::List);
    assert_eq!(app.counts[0].accepted, 3);
    assert_eq!(app.marked_count, 0);
    app.update(Action::Undo);
    assert_eq!(app.counts[0].accepted, 0, "one undo reverts the whole bulk");
}

/// The footer's A/I hint says what they act on: the whole tab, or the
/// rows marked.
#[test]
fn the_bulk_hint_names_the_marked_rows_once_some_are() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Down);
    let footer = |app: &App| {
        screen(app, 120, 30)
            .lines()
            .last()
            .unwrap_or_default()
            .to_string()
    };
    assert!(footer(&app).contains("A/I all"), "{}", footer(&app));
    // A mark moves the cursor on; a key after it clears its status.
    app.update(Action::Mark);
    app.update(Action::Up);
    assert!(footer(&app).contains("A/I marked"), "{}", footer(&app));
    app.update(Action::Mark);
    assert!(
        status_text(&app).starts_with("Unmarked ")
            && status_text(&app).ends_with(" · nothing is marked now"),
        "{}",
        status_text(&app)
    );
    app.update(Action::Down);
    assert_eq!(app.marked_count, 0);
    assert!(
        footer(&app).contains("A/I all"),
        "unmarked: {}",
        footer(&app)
    );
}

#[test]
fn a_bulk_decision_leaves_the_ones_decided_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let by_hand = app.current().unwrap().id;
    app.update(Action::Ignore);
    // The ignored row is still in view under "undecided".
    assert_eq!(app.rows.len(), 13);
    app.update(Action::AcceptMarked);
    let Mode::Confirm(bulk) = &app.mode else {
        panic!("expected a confirmation, got {:?}", app.mode)
    };
    assert_eq!(bulk.question, "Accept 12 of the 13 customised invitations?");
    assert!(
        bulk.detail
            .contains(" Only the undecided ones; the 1 decided keeps its decision."),
        "{}",
        bulk.detail
    );
    app.update(Action::Confirm(true));
    assert_eq!(app.counts[0].accepted, 12);
    assert_eq!(app.counts[0].ignored, 1);
    assert_eq!(
        app.journal.state(by_hand).and_then(|e| e.decision()),
        Some(Decision::Ignored),
        "the ignore made by hand stands"
    );
    // Under "all" a bulk decision does replace decisions, and says so.
    show_all(&mut app);
    app.update(Action::IgnoreMarked);
    let Mode::Confirm(bulk) = &app.mode else {
        panic!("expected a confirmation, got {:?}", app.mode)
    };
    assert_eq!(bulk.question, "Ignore 12 of the 13 customised invitations?");
    assert!(
        bulk.detail
            .contains(" 12 of them have a decision already, which this replaces."),
        "{}",
        bulk.detail
    );
}

#[test]
fn a_decision_made_again_or_on_a_marked_row_is_what_it_shows() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let name = current_name(&app);
    app.update(Action::Accept);
    app.update(Action::Up);
    app.update(Action::Mark);
    app.update(Action::Up);
    assert_eq!(app.marked_count, 1);
    app.update(Action::Accept);
    assert_eq!(status_text(&app), format!("{name}: accepted already"));
    assert_eq!(app.marked_count, 0, "its mark goes");
    app.update(Action::Undo);
    assert_eq!(app.progress().0, 0, "one u undoes the one accept");
    // Marked, then decided on its own: the mark goes, and a bulk decision
    // on the marks leaves it.
    app.update(Action::Mark);
    app.update(Action::Mark);
    assert_eq!(app.marked_count, 2);
    app.update(Action::Up);
    app.update(Action::Accept);
    assert_eq!(app.marked_count, 1);
    app.update(Action::IgnoreMarked);
    assert_eq!((app.counts[0].accepted, app.counts[0].ignored), (1, 1));
}

/// The question and its detail under each filter say which rows and
/// what happens to their decisions.
#[test]
fn bulk_questions_name_the_rows_under_each_filter() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Tab(Tab::GreetingOnly));
    app.update(Action::Accept);
    let confirm = |app: &mut App| -> (String, String) {
        let Mode::Confirm(bulk) = &app.mode else {
            panic!("expected a confirmation, got {:?}", app.mode)
        };
        (bulk.question.clone(), bulk.detail.clone())
    };
    let set = |app: &mut App, f: Filter| {
        while app.filter != f {
            app.update(Action::CycleFilter);
        }
    };
    set(&mut app, Filter::All);
    app.update(Action::IgnoreMarked);
    let (q, d) = confirm(&mut app);
    assert_eq!(q, "Ignore all 10 greeting-only invitations?");
    assert!(
        d.contains(" 1 of them has a decision already, which this replaces."),
        "{d}"
    );
    app.update(Action::Confirm(false));
    set(&mut app, Filter::Accepted);
    app.update(Action::IgnoreMarked);
    let (q, d) = confirm(&mut app);
    assert_eq!(q, "Ignore 1 of the 10 greeting-only invitations?");
    assert_eq!(
        d,
        "It greets you by name but says nothing more. Only the accepted one: this replaces its decision. This can be undone with u."
    );
    app.update(Action::Confirm(true));
    assert_eq!(app.counts[1].ignored, 1);
    set(&mut app, Filter::All);
    app.update(Action::IgnoreMarked);
    let (q, d) = confirm(&mut app);
    assert_eq!(q, "Ignore 9 of the 10 greeting-only invitations?");
    assert!(d.contains(" The 1 ignored already stays so."), "{d}");
    assert!(!d.contains("a decision already"), "none replaced: {d}");
    app.update(Action::Confirm(false));
    // Marks on rows with that decision already: nothing is written.
    set(&mut app, Filter::Ignored);
    app.update(Action::Mark);
    let undo_depth = app.journal.undo_depth();
    app.update(Action::IgnoreMarked);
    assert_eq!(
        status_text(&app),
        "Nothing to change: the marked ones are ignored already"
    );
    assert_eq!(app.marked_count, 0);
    assert_eq!(app.journal.undo_depth(), undo_depth);
    set(&mut app, Filter::Undecided);
    app.update(Action::Accept);
    app.update(Action::AcceptMarked);
    let (q, d) = confirm(&mut app);
    assert_eq!(q, "Accept 8 of the 10 greeting-only invitations?");
    assert!(
        d.contains(" Only the undecided ones; the 2 decided keep theirs."),
        "{d}"
    );
}

#[test]
fn marks_on_another_tab_are_asked_about() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Tab(Tab::GreetingOnly));
    app.update(Action::Mark);
    app.update(Action::Tab(Tab::Default));
    let here = app.current().unwrap().id;
    app.update(Action::IgnoreMarked);
    let Mode::Confirm(bulk) = &app.mode else {
        panic!("a mark out of sight is asked about, got {:?}", app.mode)
    };
    assert_eq!(bulk.question, "Ignore the 1 marked invitation?");
    assert!(
        bulk.detail.starts_with("It is not in this list"),
        "{}",
        bulk.detail
    );
    app.update(Action::Confirm(true));
    assert_eq!(app.counts[1].ignored, 1);
    assert_eq!(status_text(&app), "Ignored 1 invitation · u undoes it");
    assert_eq!(
        app.current().unwrap().id,
        here,
        "the undecided row under the cursor is not skipped"
    );
    // Marks all in view are decided at once, as before.
    app.update(Action::Mark);
    app.update(Action::IgnoreMarked);
    assert_eq!(app.mode, Mode::List);
    assert_eq!(app.counts[2].ignored, 1);
}

#[test]
fn keys_do_nothing_while_the_screen_is_too_small_to_show_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Resize(40, 10));
    assert!(screen(&app, 40, 10).contains("needs at least"));
    for action in [
        Action::Accept,
        Action::Down,
        Action::Reply,
        Action::Tab(Tab::Default),
    ] {
        app.update(action);
    }
    assert_eq!(app.progress().0, 0, "nothing decided blind");
    assert_eq!(app.mode, Mode::List);
    assert_eq!((app.current_tab(), app.cursor), (Tab::Customised, 0));
    assert_eq!(
        app.update(Action::Quit),
        Some(Effect::Quit),
        "q still quits"
    );
    app.update(Action::Resize(80, 24));
    app.update(Action::Accept);
    assert_eq!(app.progress().0, 1);
    // In the composer, shrunk: its keys would type blind and are dropped;
    // q is a letter being typed there, not quit (a word with a q in it
    // would end the app), and only Ctrl-C quits (the draft is on disk).
    app.update(Action::Reply);
    app.update(Action::ComposeKey(key('!')));
    let km = Keymap::default();
    assert_eq!(
        action_for(&km, app.key_context(), &key('q')),
        Some(Action::ComposeKey(key('q'))),
        "typed, at a size that shows it"
    );
    app.update(Action::Resize(40, 10));
    let q = action_for(&km, app.key_context(), &key('q')).unwrap();
    assert_eq!(q, Action::ComposeKey(key('q')));
    let before = app.composer.as_ref().unwrap().text();
    assert_eq!(app.update(q), None);
    assert_eq!(
        app.composer.as_ref().unwrap().text(),
        before,
        "not typed blind"
    );
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(
        action_for(&km, app.key_context(), &ctrl_c),
        Some(Action::QuitNow)
    );
    let flat = screen(&app, 59, 10)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        flat.contains("or Ctrl-C to quit, keeping your text."),
        "{flat}"
    );
    assert_eq!(app.update(Action::QuitNow), Some(Effect::Quit));
    assert!(
        app.journal.unsaved_drafts().count() > 0,
        "the draft is kept"
    );
    let to = app.current().unwrap().from().to_string();
    assert_eq!(
        leave(&mut app),
        [format!(
            "your reply to {to} is kept, not saved: the next start opens it again"
        )]
    );
}

#[test]
fn undo_brings_the_invitation_back_into_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Down);
    let who = app.current().unwrap().id;
    app.update(Action::Accept);
    // Drawn up again, the list under "undecided" has lost it.
    app.update(Action::Tab(Tab::Default));
    app.update(Action::Tab(Tab::Customised));
    assert!(
        app.rows
            .iter()
            .all(|&i| app.invitations[i as usize].id != who)
    );
    app.update(Action::Undo);
    assert_eq!(app.current().unwrap().id, who);
    // From another tab, the undo goes to the tab that holds it.
    app.update(Action::Accept);
    app.update(Action::Tab(Tab::Default));
    app.update(Action::Undo);
    assert_eq!(app.current_tab(), Tab::Customised);
    assert_eq!(app.current().unwrap().id, who);
    // Kept in its place: the oldest of its tab goes after the rows listed.
    {
        let dir = tempfile::tempdir().unwrap();
        let mut app = sample_app(dir.path());
        app.update(Action::Tab(Tab::GreetingOnly));
        let first = app.rows[0];
        app.update(Action::Ignore);
        app.update(Action::Last);
        let oldest = app.rows[app.rows.len() - 1];
        app.update(Action::Accept);
        app.update(Action::CycleFilter);
        app.update(Action::CycleFilter);
        assert_eq!(app.filter, Filter::Ignored);
        assert_eq!(app.rows, [first]);
        app.update(Action::Undo);
        assert_eq!(app.rows, [first, oldest], "newest first still");
        assert_eq!(app.cursor, 1);
    }
    // Where the filter would leave it out, it is kept in view all the same.
    app.update(Action::Ignore);
    app.update(Action::CycleFilter);
    assert_eq!(app.filter, Filter::Accepted);
    assert!(app.rows.is_empty());
    app.update(Action::Undo);
    assert_eq!(app.current().map(|i| i.id), Some(who));
    assert_eq!(app.rows.len(), 1);
}

#[test]
fn bulk_on_whole_tab_asks_with_the_count() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Tab(Tab::Default));
    app.update(Action::IgnoreMarked);
    let Mode::Confirm(bulk) = &app.mode else {
        panic!("expected a confirmation, got {:?}", app.mode)
    };
    assert_eq!(bulk.question, "Ignore all 112 default invitations?");
    assert!(
        bulk.detail
            .starts_with("None of them says more than LinkedIn's stock text or a generic line"),
        "{}",
        bulk.detail
    );
    for (tab, question, why) in [
        (
            Tab::Customised,
            "Ignore all 13 customised invitations?",
            "These notes were written for you",
        ),
        (
            Tab::GreetingOnly,
            "Ignore all 10 greeting-only invitations?",
            "They greet you by name",
        ),
        (
            Tab::All,
            "Ignore all 135 invitations?",
            "This covers every group",
        ),
    ] {
        app.update(Action::Confirm(false));
        app.update(Action::Tab(tab));
        app.update(Action::IgnoreMarked);
        let Mode::Confirm(bulk) = &app.mode else {
            panic!("expected a confirmation, got {:?}", app.mode)
        };
        assert_eq!(bulk.question, question);
        assert!(bulk.detail.starts_with(why), "{}", bulk.detail);
    }
    app.update(Action::Confirm(false));
    app.update(Action::Tab(Tab::Default));
    app.update(Action::Confirm(false));
    assert_eq!(app.progress().0, 0, "n changes nothing");
    app.update(Action::IgnoreMarked);
    app.update(Action::Confirm(true));
    assert_eq!(app.counts[2].ignored, 112);
    assert_eq!(app.progress().0, 112);
    // Decided rows stay in view until the list is drawn up again.
    app.update(Action::Tab(Tab::GreetingOnly));
    app.update(Action::Tab(Tab::Default));
    let out = screen(&app, 100, 24);
    assert!(
        out.contains("All default invitations are decided. f shows the decided ones"),
        "{out}"
    );
    app.update(Action::Tab(Tab::All));
    app.update(Action::IgnoreMarked);
    app.update(Action::Confirm(true));
    app.update(Action::Tab(Tab::Default));
    app.update(Action::Tab(Tab::All));
    let out = screen(&app, 100, 24);
    let flat = out
        .lines()
        .map(|l| l.trim_matches('"'))
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        flat.contains("Every invitation is decided. q quits and names the command that lists what to do on LinkedIn; f shows the decided ones."),
        "{out}"
    );
    // Every group done: a group's tab says so too, not "Tab goes to the
    // next group".
    app.update(Action::Tab(Tab::Default));
    let group = screen(&app, 100, 24);
    assert!(
        group.contains("Every invitation is decided.") && !group.contains("next group"),
        "{group}"
    );
    app.update(Action::Tab(Tab::All));
    // Nothing to decide on: the footer offers no a, i or r.
    app.status = None;
    let footer = screen(&app, 150, 24)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string();
    assert!(
        footer.contains("f filter") && footer.contains("q quit") && !footer.contains("a accept"),
        "{footer}"
    );
}

#[test]
fn escape_clears_marks() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Mark);
    app.update(Action::Cancel);
    assert_eq!(app.marked_count, 0);
    assert_eq!(status_text(&app), "Marks cleared");
    // Marking again unmarks; Esc with nothing marked says nothing.
    app.status = None;
    app.update(Action::Mark);
    app.update(Action::Up);
    app.update(Action::Mark);
    assert_eq!(app.marked_count, 0);
    app.update(Action::Cancel);
    assert!(app.status.is_none(), "{:?}", app.status);
}

/// A decided row that is marked shows both: the mark, and its decision.
#[test]
fn a_marked_decided_row_keeps_its_decision_in_sight() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let name = app.current().unwrap().counterpart().to_string();
    app.update(Action::Ignore);
    show_all(&mut app);
    app.update(Action::First);
    assert_eq!(app.current().unwrap().counterpart(), name);
    app.update(Action::Mark);
    let out = screen(&app, 100, 30);
    let row = out.lines().find(|l| l.contains(&name)).unwrap();
    assert!(row.contains("•✗"), "{row}");
}

#[test]
fn tabs_switch_by_number_and_cycle() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Tab(Tab::Sent));
    assert_eq!(app.current_tab(), Tab::Sent);
    assert_eq!(app.rows.len(), 20);
    app.update(Action::NextTab);
    assert_eq!(app.current_tab(), Tab::Customised);
    app.update(Action::PrevTab);
    assert_eq!(app.current_tab(), Tab::Sent);
    app.update(Action::Tab(Tab::All));
    assert_eq!(app.rows.len(), 135);
    // The cursor stays on its invitation when the list is rebuilt around
    // it (here by a filter that still lists it).
    app.update(Action::CycleFilter);
    assert_eq!(app.filter, Filter::Accepted);
    assert!(app.rows.is_empty());
    for _ in 0..3 {
        app.update(Action::CycleFilter);
    }
    assert_eq!(app.filter, Filter::All);
    app.update(Action::Down);
    app.update(Action::Down);
    let id = app.current().unwrap().id;
    app.update(Action::CycleFilter);
    assert_eq!(app.filter, Filter::Undecided);
    assert_eq!(app.current().unwrap().id, id);
}

#[test]
fn movement_keys_stay_in_bounds_and_scroll() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Tab(Tab::All));
    app.update(Action::Up);
    assert_eq!(app.cursor, 0);
    app.update(Action::Last);
    assert_eq!(app.cursor, 134);
    assert!(
        app.offset + app.list_height() > 134,
        "the cursor row is visible"
    );
    app.update(Action::Down);
    assert_eq!(app.cursor, 134);
    app.update(Action::First);
    assert_eq!((app.cursor, app.offset), (0, 0));
    app.update(Action::PageDown);
    assert_eq!(app.cursor, app.list_height());
    app.update(Action::PageUp);
    assert_eq!(app.cursor, 0);
}

/// `X` marks every stale invitation the Sent tab shows to withdraw, after a
/// question; `x` on one marked takes its mark back.
#[test]
fn stale_invitations_are_withdrawn_at_once_and_unmarked_one_by_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::WithdrawStale);
    assert_eq!(
        status_text(&app),
        "Stale invitations are ones you sent: on the Sent tab (5)"
    );
    app.update(Action::Tab(Tab::Sent));
    let stale = app.stale_count;
    assert!(stale > 1);
    // From the oldest, a stale one: the cursor stays among them, not on a
    // young one left unmarked.
    app.update(Action::Last);
    app.update(Action::WithdrawStale);
    match &app.mode {
        Mode::Confirm(b) => {
            assert_eq!(
                b.question,
                format!("Withdraw the {stale} stale invitations you sent?")
            );
            assert_eq!(b.targets.len(), stale);
        }
        other => panic!("{other:?}"),
    }
    app.update(Action::Confirm(true));
    assert_eq!(app.sent_counts.withdrawn, stale);
    assert_eq!(
        status_text(&app),
        format!(
            "Marked {stale} invitations to withdraw on LinkedIn · u undoes all of them · no stale invitation left"
        )
    );
    let here = app.current().unwrap();
    assert!(app.is_stale(here), "{}", here.to());
    app.update(Action::WithdrawStale);
    assert!(status_text(&app).starts_with("No stale invitation here left to mark"));
    // One marked by mistake: x again takes the mark back.
    app.update(Action::Last);
    let name = app.current().unwrap().to().to_string();
    app.update(Action::Withdraw);
    assert_eq!(app.sent_counts.withdrawn, stale - 1);
    assert_eq!(
        status_text(&app),
        format!("No longer to withdraw: {name} · u to undo")
    );
    app.update(Action::Undo);
    assert_eq!(app.sent_counts.withdrawn, stale);
    assert_eq!(
        status_text(&app),
        format!("Undid the mark taken back: {name} is marked to withdraw again")
    );
    // With some marked already, X asks about the others and says so.
    app.update(Action::Withdraw);
    assert_eq!(app.sent_counts.withdrawn, stale - 1);
    app.update(Action::WithdrawStale);
    match &app.mode {
        Mode::Confirm(b) => {
            assert_eq!(b.question, "Withdraw the other stale invitation you sent?");
            assert!(
                b.detail
                    .starts_with(&format!("{} are marked already. Sent ", stale - 1)),
                "{}",
                b.detail
            );
            assert_eq!(b.targets.len(), 1);
        }
        other => panic!("{other:?}"),
    }
    app.update(Action::Confirm(false));
    app.update(Action::Undo);
    // A step on more than ten invitations asks first, y or n: a held u
    // is no answer, nor any other key.
    app.update(Action::Undo);
    assert_eq!(app.sent_counts.withdrawn, stale, "asked, not undone");
    match &app.mode {
        Mode::ConfirmUndo { question, .. } => {
            assert_eq!(question, &format!("Undo withdraw of {stale} invitations?"))
        }
        other => panic!("{other:?}"),
    }
    for c in ['u', 'u', 'a', 'j'] {
        let a = invitriage::tui::keys::key_action(&app.keymap, app.key_context(), &key(c));
        app.update(a);
    }
    assert_eq!(
        app.sent_counts.withdrawn, stale,
        "held u, and other keys, undo nothing"
    );
    assert!(matches!(app.mode, Mode::ConfirmUndo { .. }), "still asking");
    app.update(Action::Confirm(false));
    assert_eq!(app.mode, Mode::List);
    assert_eq!(status_text(&app), "Nothing undone: the step stays");
    assert_eq!(app.sent_counts.withdrawn, stale);
    app.update(Action::Undo);
    app.update(Action::Confirm(true));
    assert_eq!(app.sent_counts.withdrawn, 0, "the bulk step is one undo");
    // The next undo asks afresh.
    assert_eq!(app.mode, Mode::List);
    // Marks made on another tab show on the Sent tab's header, with no
    // filter after them: the row's position follows. (The bulk undo left
    // the cursor where it was, on the last row.)
    app.update(Action::Tab(Tab::Customised));
    app.update(Action::Mark);
    app.update(Action::Tab(Tab::Sent));
    let header = row_text(&app, 100, 24, 1);
    assert!(
        header.trim_end().ends_with("1 marked · row 20 of 20"),
        "{header:?}"
    );
    // The check pad says when there is nothing to take back.
    app.update(Action::Check);
    app.update(Action::ComposeKey(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    assert_eq!(status_text(&app), "Nothing to undo in the pad");
}

#[test]
fn sent_invitations_are_withdrawn_not_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Tab(Tab::Sent));
    // The footer offers only what works on the Sent tab.
    let footer = screen(&app, 100, 30).lines().last().unwrap().to_string();
    assert!(
        footer.contains("x withdraw") && footer.contains("/ search") && footer.contains("o open"),
        "{footer}"
    );
    assert!(
        !footer.contains("accept") && !footer.contains("reply"),
        "{footer}"
    );
    app.update(Action::Tab(Tab::Customised));
    let footer = screen(&app, 100, 30).lines().last().unwrap().to_string();
    assert!(footer.contains("a accept"), "{footer}");
    assert!(!footer.contains("withdraw"), "{footer}");
    // An invitation you received cannot be withdrawn.
    app.update(Action::Withdraw);
    assert_eq!(
        status_text(&app),
        "Only an invitation you sent can be withdrawn: they are on the Sent tab (5)"
    );
    assert_eq!(app.journal.undo_depth(), 0);
    app.update(Action::Tab(Tab::Sent));
    app.update(Action::Accept);
    assert_eq!(app.progress().0, 0);
    let refusal = "You sent this invitation: nothing to accept or ignore · x marks it to withdraw";
    assert_eq!(status_text(&app), refusal);
    // Nor the whole tab: no question is asked, nothing is decided.
    let tab_refusal = "This tab lists the invitations you sent: nothing to accept or ignore · x marks one to withdraw";
    for (bulk, said) in [
        (Action::AcceptMarked, tab_refusal),
        (Action::IgnoreMarked, tab_refusal),
        (Action::Mark, refusal),
    ] {
        app.update(bulk);
        assert_eq!(app.mode, Mode::List);
        assert_eq!(status_text(&app), said);
    }
    assert_eq!(app.journal.undo_depth(), 0);

    // The oldest is stale: the pane suggests withdrawing it, with the key.
    app.update(Action::Last);
    let last = app.cursor;
    let name = app.current().unwrap().to().to_string();
    assert!(app.is_stale(app.current().unwrap()));
    assert!(
        screen(&app, 120, 30).contains("worth a follow-up, or withdraw it (x)"),
        "{}",
        screen(&app, 120, 30)
    );
    app.update(Action::Up);
    app.update(Action::Withdraw);
    assert_eq!(app.cursor, last, "on to the next older one");
    assert!(
        status_text(&app).starts_with("To withdraw on LinkedIn: "),
        "{}",
        status_text(&app)
    );
    app.update(Action::Withdraw);
    assert_eq!(app.cursor, last - 2, "none below: up to the next stale one");
    let up_to = app.current().unwrap().to().to_string();
    assert_eq!(
        status_text(&app),
        format!(
            "To withdraw on LinkedIn: {name} · u to undo · none left below: up to {up_to}, stale too"
        ),
        "no key for the row under the cursor: it has moved on"
    );
    assert_eq!(app.sent_counts.withdrawn, 2);
    assert_eq!(app.progress().0, 0, "the received ones are untouched");
    assert!(screen(&app, 120, 30).contains("or withdraw it (x)"));
    app.update(Action::Last);
    let shown = screen(&app, 120, 30);
    assert!(shown.contains(" ⊘ "), "{shown}");
    assert!(shown.contains("marked to withdraw 25 Nov 2026"), "{shown}");
    assert!(
        shown.contains("o opens their profile, then Pending → Withdraw"),
        "{shown}"
    );
    assert!(!shown.contains("or withdraw it (x)"), "{shown}");
    app.update(Action::Stats);
    assert!(screen(&app, 100, 40).contains("· 2 to withdraw"));
    app.update(Action::Cancel);
    app.update(Action::Help);
    let top = screen(&app, 120, 60);
    assert!(
        top.contains("on the Sent tab: mark an invitation you sent to withdraw"),
        "{top}"
    );
    for _ in 0..5 {
        app.update(Action::PageDown);
    }
    let bottom = screen(&app, 120, 60);
    assert!(bottom.contains("⊘ to withdraw (one you sent)"), "{bottom}");
    app.update(Action::Cancel);
    assert_eq!(
        app.farewell().as_deref(),
        Some(
            "2 sent invitations marked to withdraw this session; 0 of 135 received invitations decided (0 accepted, 0 ignored, 0 replied); 2 sent invitations to withdraw in all."
        )
    );
    app.update(Action::Undo);
    assert_eq!(app.sent_counts.withdrawn, 1);
    assert!(
        status_text(&app).starts_with("Undid withdraw"),
        "{}",
        status_text(&app)
    );
    // One key per stale invitation, from wherever the cursor is.
    let stale = app.stale_count;
    app.update(Action::First);
    for _ in 1..stale {
        app.update(Action::Withdraw);
        assert!(!status_text(&app).contains("no stale invitation left"));
    }
    let first = app.cursor;
    app.update(Action::Withdraw);
    assert!(
        status_text(&app).ends_with(" · no stale invitation left"),
        "{}",
        status_text(&app)
    );
    assert_eq!(app.cursor, first);
    assert_eq!(
        app.sent_counts.withdrawn,
        stale + 1,
        "and the newest one, withdrawn first"
    );
    for _ in 0..stale {
        app.update(Action::Undo);
    }
    assert_eq!(app.sent_counts.withdrawn, 1);
    drop(app);
    // Kept for the next run, and in the action list.
    let mut app = sample_app(dir.path());
    assert_eq!(app.sent_counts.withdrawn, 1);
    assert_eq!(app.farewell(), None);
    // A withdrawal from before counts in all, not in this session.
    app.update(Action::Tab(Tab::Customised));
    app.update(Action::Reply);
    app.update(Action::ComposeSave);
    assert_eq!(
        app.farewell().as_deref(),
        Some(
            "1 decided this session; 1 of 135 received invitations decided (0 accepted, 0 ignored, 1 replied); 1 sent invitation to withdraw in all."
        )
    );
    let mut out = Vec::new();
    invitriage::export::write_actions(
        &mut out,
        invitriage::export::ExportFormat::Csv,
        &app.invitations,
        &app.journal,
        app.now,
    )
    .unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains(",outgoing,withdrawn,"), "{out}");
}

#[test]
fn filter_cycles_and_lists_decided_ones() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Accept);
    app.update(Action::CycleFilter);
    assert_eq!(app.filter, Filter::Accepted);
    assert_eq!(app.rows.len(), 1);
    app.update(Action::CycleFilter);
    assert_eq!(app.filter, Filter::Ignored);
    assert!(app.rows.is_empty());
    app.update(Action::CycleFilter);
    app.update(Action::CycleFilter);
    assert_eq!(app.filter, Filter::All);
    assert_eq!(app.rows.len(), 13);
    app.update(Action::CycleFilter);
    assert_eq!(app.filter, Filter::Undecided);
    assert_eq!(app.rows.len(), 12);
    // A reply is a decision too: counted, and listed under its own filter.
    let replied = app.current().unwrap().id;
    app.update(Action::Reply);
    app.update(Action::ComposeKey(key('x')));
    app.update(Action::ComposeSave);
    assert_eq!(app.progress(), (2, 135));
    app.update(Action::CycleFilter);
    app.update(Action::CycleFilter);
    app.update(Action::CycleFilter);
    assert_eq!(app.filter, Filter::Replied);
    assert_eq!(app.rows.len(), 1);
    assert_eq!(app.current().unwrap().id, replied);
    // The Sent tab lists every sent invitation, whatever the filter.
    app.update(Action::Tab(Tab::Sent));
    assert_eq!(app.current_tab(), Tab::Sent);
    assert_eq!(app.rows.len(), 20);
    app.update(Action::CycleFilter);
    assert_eq!(app.rows.len(), 20);
    let status = status_text(&app);
    assert!(
        status.starts_with("The Sent tab lists every invitation you sent"),
        "{status}"
    );
}

#[test]
fn search_is_incremental_and_n_finds_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Tab(Tab::All));
    app.update(Action::Search);
    assert_eq!(app.mode, Mode::Search);
    type_query(&mut app, "linkedin");
    let first = app.cursor;
    assert!(
        app.current()
            .unwrap()
            .message()
            .to_lowercase()
            .contains("linkedin")
    );
    app.update(Action::SearchSubmit);
    assert_eq!(app.mode, Mode::List);
    // On the first match, and saying so.
    let total: usize = status_text(&app)
        .strip_prefix("Match 1 of ")
        .and_then(|t| t.strip_suffix(" for “linkedin” · n next · N previous"))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{:?}", app.status));
    assert!(total > 2, "{total}");
    app.update(Action::NextMatch);
    assert!(app.cursor > first);
    // Where it is among the matches: the second.
    assert_eq!(
        status_text(&app),
        format!("Match 2 of {total} for “linkedin”")
    );
    assert!(
        app.current()
            .unwrap()
            .message()
            .to_lowercase()
            .contains("linkedin")
    );
    let came_round = |app: &App| {
        app.status
            .as_ref()
            .is_some_and(|s| s.text.contains("came round"))
    };
    assert!(!came_round(&app), "{:?}", app.status);
    app.update(Action::PrevMatch);
    assert_eq!(app.cursor, first);
    assert!(!came_round(&app), "{:?}", app.status);
    // Backwards from the first match comes round the end, and says so.
    app.update(Action::PrevMatch);
    assert!(app.cursor > first);
    assert_eq!(
        status_text(&app),
        format!("Match {total} of {total} for “linkedin” · search came round to the bottom")
    );
    app.update(Action::NextMatch);
    assert_eq!(app.cursor, first);
    assert_eq!(
        status_text(&app),
        format!("Match 1 of {total} for “linkedin” · search came round to the top")
    );
    // An accepted match stays in view (and counted) until the list is
    // drawn up again; then the same search counts one fewer.
    app.update(Action::Accept);
    app.update(Action::NextMatch);
    assert!(status_text(&app).ends_with(&format!(" of {total} for “linkedin”")));
    app.update(Action::Tab(Tab::Sent));
    app.update(Action::Tab(Tab::All));
    app.update(Action::Search);
    type_query(&mut app, "linkedin");
    app.update(Action::SearchSubmit);
    assert!(
        status_text(&app).contains(&format!(" of {} for “linkedin”", total - 1)),
        "{:?}",
        app.status
    );
    // A name that matches once says that too.
    app.update(Action::Search);
    type_query(&mut app, "kenji");
    app.update(Action::SearchSubmit);
    app.update(Action::NextMatch);
    assert_eq!(status_text(&app), "The only match for “kenji” in this list");
    // On a tab without it, `n` says where it is, as Enter does.
    app.update(Action::Tab(Tab::Default));
    app.update(Action::NextMatch);
    assert_eq!(
        status_text(&app),
        "No match for “kenji” in this list · 1 on the Customised tab (1)"
    );
}

#[test]
fn search_escape_returns_to_where_it_started() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Tab(Tab::All));
    app.update(Action::Down);
    app.update(Action::Search);
    type_query(&mut app, "zzzz-no-such-thing");
    assert!(app.status.as_ref().unwrap().error);
    app.update(Action::Cancel);
    assert_eq!(app.cursor, 1);
    assert_eq!(app.mode, Mode::List);
}

/// `y` on a row whose URL cell is empty says so; "an older export" is for
/// one without the URL columns.
#[test]
fn copying_an_empty_url_says_what_is_missing() {
    let with = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n\
        Colleen Ruiz,Greg Hale,\"10/1/26, 9:00 AM\",,OUTGOING,https://www.linkedin.com/in/colleen,\n";
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_from_csv(with, &dir);
    app.update(Action::CopyUrl);
    assert_eq!(
        status_text(&app),
        "This invitation's profile URL is empty in the export"
    );
    let without = "From,To,Sent At,Message,Direction\n\
        Colleen Ruiz,Greg Hale,\"10/1/26, 9:00 AM\",,OUTGOING\n";
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_from_csv(without, &dir);
    app.update(Action::CopyUrl);
    assert_eq!(
        status_text(&app),
        "This invitation has no profile URL (an older export)"
    );
}

/// A Chinese note wraps between its characters, as it is written without
/// spaces between words: the pane wrapped `你好` alone, then the rest of the
/// note on the next row as one word, and the composer showed it so too.
#[test]
fn a_chinese_note_wraps_between_its_characters() {
    let csv = "From,To,Sent At,Message,Direction\n\
        Li Wei,Colleen Ruiz,\"11/21/26, 9:00 AM\",\"你好 我是上海的物流经理，上个月在供应链论坛上听了你关于安全库存的演讲，很想向你请教仓储自动化的经验。\",INCOMING\n";
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_from_csv(csv, &dir);
    app.update(Action::Tab(Tab::All));
    let rows = |app: &App| -> Vec<String> {
        screen(app, 80, 24)
            .lines()
            .map(|l| {
                l.chars()
                    .filter(|c| !c.is_whitespace() && *c != '"')
                    .collect()
            })
            .collect()
    };
    let pane = rows(&app);
    // The list's row shows the note's start too: the pane's starts a row.
    let first = pane.iter().find(|l| l.starts_with("你好")).unwrap();
    assert!(first.contains("你好我是上海的物流经理"), "{pane:#?}");
    app.update(Action::Reply);
    let composer = rows(&app);
    let first = composer.iter().find(|l| l.contains("你好")).unwrap();
    assert!(first.contains("你好我是上海的物流经理"), "{composer:#?}");
}

/// An export of sent invitations alone: the farewell counts no received
/// ones ("0 of 0 received invitations decided").
#[test]
fn the_farewell_of_sent_invitations_alone() {
    let csv = "From,To,Sent At,Message,Direction\n\
        Colleen Ruiz,Greg Hale,\"10/1/26, 9:00 AM\",,OUTGOING\n";
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_from_csv(csv, &dir);
    app.update(Action::Withdraw);
    assert_eq!(
        app.farewell().as_deref(),
        Some(
            "1 sent invitation marked to withdraw this session; 1 sent invitation to withdraw in all."
        )
    );
}

/// Without profile URLs (an older export), `o` opens the page that lists
/// the invitation: a sent one's is the Sent page, not the received one's.
#[test]
fn open_without_a_url_goes_to_the_page_that_lists_it() {
    let csv = "From,To,Sent At,Message,Direction\n\
        Ann Lee,Colleen Ruiz,\"11/21/26, 9:00 AM\",,INCOMING\n\
        Colleen Ruiz,Greg Hale,\"10/1/26, 9:00 AM\",,OUTGOING\n";
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_from_csv(csv, &dir);
    assert_eq!(
        app.update(Action::OpenProfile),
        Some(Effect::OpenUrl {
            url: "https://www.linkedin.com/mynetwork/invitation-manager/".into(),
            whose: "the invitation manager".into(),
            copyable: false,
        })
    );
    app.update(Action::Tab(Tab::Sent));
    assert_eq!(
        app.update(Action::OpenProfile),
        Some(Effect::OpenUrl {
            url: "https://www.linkedin.com/mynetwork/invitation-manager/sent/".into(),
            whose: "your sent invitations in the invitation manager".into(),
            copyable: false,
        })
    );
}

/// `o` hands the browser LinkedIn's addresses only: a doctored export's
/// `javascript:` or other site's address is named, not opened, and `y`
/// still copies it.
#[test]
fn open_takes_only_a_linkedin_address() {
    let csv = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n\
        Js Url,Colleen Ruiz,\"11/21/26, 9:00 AM\",,INCOMING,javascript:alert(1),https://www.linkedin.com/in/c\n\
        Ev Il,Colleen Ruiz,\"11/21/26, 9:01 AM\",,INCOMING,http://example.com/evil,https://www.linkedin.com/in/c\n\
        De Li,Colleen Ruiz,\"11/21/26, 9:02 AM\",,INCOMING,https://de.linkedin.com/in/deli,https://www.linkedin.com/in/c\n\
        Sh Ell,Colleen Ruiz,\"11/21/26, 9:03 AM\",,INCOMING,https://www.linkedin.com/in/x|tee>/tmp/pwn,https://www.linkedin.com/in/c\n\
        Es Cape,Colleen Ruiz,\"11/21/26, 8:59 AM\",,INCOMING,https://www.linkedin.com/in/x\u{1b}]52;c;ZXZpbA==\u{7},https://www.linkedin.com/in/c\n\
        Ze Ro,Colleen Ruiz,\"11/21/26, 8:58 AM\",,INCOMING,https://www.linkedin.com/in/a\u{200b}b,https://www.linkedin.com/in/c\n\
        Ar Lm,Colleen Ruiz,\"11/21/26, 8:57 AM\",,INCOMING,https://www.linkedin.com/in/a\u{61c}b,https://www.linkedin.com/in/c\n";
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_from_csv(csv, &dir);
    app.update(Action::Tab(Tab::All));
    let mut opened = Vec::new();
    for _ in 0..4 {
        let name = current_name(&app);
        match app.update(Action::OpenProfile) {
            Some(Effect::OpenUrl { url, .. }) => opened.push(url),
            None => {
                let status = status_text(&app);
                assert!(
                    status.starts_with(&format!(
                        "Not opened: {name}'s profile URL is not a LinkedIn address ("
                    )) && status.ends_with("); y copies it"),
                    "{status}"
                );
                assert!(
                    matches!(app.update(Action::CopyUrl), Some(Effect::Copy { .. })),
                    "y still copies it"
                );
            }
            other => panic!("{other:?}"),
        }
        app.update(Action::Down);
    }
    // One with an escape sequence hidden in it: shown written out, not
    // as the LinkedIn address it hid in, and not copied.
    let name = current_name(&app);
    assert_eq!(app.update(Action::OpenProfile), None);
    assert!(
        status_text(&app).ends_with("(https://www.linkedin.com/in/x\\u{1b}]52;c;ZXZpbA==\\u{7})"),
        "y is not offered: {}",
        status_text(&app)
    );
    // The detail pane writes it out too.
    assert!(
        screen(&app, 160, 40).contains("linkedin.com/in/x\\u{1b}]52"),
        "{}",
        screen(&app, 160, 40)
    );
    assert_eq!(app.update(Action::CopyUrl), None);
    assert!(
        status_text(&app).starts_with(&format!(
            "Not copied: {name}'s profile URL holds hidden or control characters"
        )),
        "{}",
        status_text(&app)
    );
    // A zero-width space in it (or a bidirectional mark): shown, and
    // neither opened nor copied, as what is shown is what they would take.
    app.update(Action::Down);
    assert_eq!(app.update(Action::OpenProfile), None);
    assert!(
        status_text(&app).contains("(https://www.linkedin.com/in/a\\u{200b}b)"),
        "{}",
        status_text(&app)
    );
    assert_eq!(app.update(Action::CopyUrl), None);
    assert!(screen(&app, 160, 40).contains("linkedin.com/in/a\\u{200b}b"));
    // The Arabic letter mark, a bidirectional mark too.
    app.update(Action::Down);
    assert_eq!(app.update(Action::OpenProfile), None);
    assert!(
        status_text(&app).contains("(https://www.linkedin.com/in/a\\u{61c}b)"),
        "{}",
        status_text(&app)
    );
    assert_eq!(app.update(Action::CopyUrl), None);
    // Nothing a shell reads reaches a `$BROWSER` that is a shell command.
    assert_eq!(
        opened,
        [
            "https://www.linkedin.com/in/x%7Ctee%3E/tmp/pwn",
            "https://de.linkedin.com/in/deli"
        ]
    );
}

#[test]
fn open_and_copy_hand_back_effects() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let url = app.current().unwrap().inviter_url().to_string();
    let whose = format!("{}'s profile", app.current().unwrap().from());
    assert_eq!(
        app.update(Action::OpenProfile),
        Some(Effect::OpenUrl {
            url: url.clone(),
            whose,
            copyable: true,
        })
    );
    let label = format!("profile URL of {}", app.current().unwrap().from());
    assert_eq!(
        app.update(Action::CopyUrl),
        Some(Effect::Copy { text: url, label })
    );
    assert_eq!(app.update(Action::Quit), Some(Effect::Quit));
}

#[test]
fn each_tab_keeps_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    for _ in 0..3 {
        app.update(Action::Down);
    }
    let here = current_name(&app);
    app.update(Action::Tab(Tab::Default));
    assert_eq!(app.cursor, 0, "a tab not visited yet opens at its top");
    app.update(Action::Down);
    let there = current_name(&app);
    app.update(Action::NextTab);
    app.update(Action::Tab(Tab::Customised));
    assert_eq!((app.cursor, current_name(&app)), (3, here));
    app.update(Action::Tab(Tab::Default));
    assert_eq!(current_name(&app), there);
    // A row gone under the filter leaves the cursor on the one after it.
    app.update(Action::Tab(Tab::Customised));
    app.update(Action::Accept);
    let next = current_name(&app);
    app.update(Action::Up);
    app.update(Action::Tab(Tab::GreetingOnly));
    app.update(Action::Tab(Tab::Customised));
    assert_eq!(current_name(&app), next);
    assert_eq!(app.cursor, 3);
}

#[test]
fn the_filter_keeps_the_row_through_an_empty_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Down);
    app.update(Action::Down);
    let here = current_name(&app);
    for _ in 0..5 {
        app.update(Action::CycleFilter);
    }
    assert_eq!(app.filter, Filter::Undecided);
    assert_eq!(
        current_name(&app),
        here,
        "accepted, ignored, replied were empty"
    );
    assert!(screen(&app, 100, 30).contains("filter: undecided"));
    app.update(Action::Tab(Tab::Sent));
    assert!(!screen(&app, 100, 30).contains("filter:"), "Sent has none");
}

/// Cycling the filters through one that lists the row elsewhere (an
/// accepted one) comes back to the row it started on, not to the row
/// that filter left the cursor on.
#[test]
fn the_filter_keeps_the_row_through_a_list_without_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Accept);
    let accepted = app.rows[0];
    let here = current_name(&app);
    app.update(Action::CycleFilter);
    assert_eq!(app.filter, Filter::Accepted);
    assert_eq!(app.rows[app.cursor], accepted);
    show_all(&mut app);
    assert_eq!(current_name(&app), here, "under all");
    app.update(Action::CycleFilter);
    assert_eq!(app.filter, Filter::Undecided);
    assert_eq!(current_name(&app), here, "and back under undecided");
    // A move ends the row of presses: the next `f` starts from the row
    // moved to.
    app.update(Action::Down);
    let moved = current_name(&app);
    assert_ne!(moved, here);
    for _ in 0..5 {
        app.update(Action::CycleFilter);
    }
    assert_eq!(current_name(&app), moved);
}

#[test]
fn help_and_stats_toggle() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Help);
    assert_eq!(app.mode, Mode::Help { scroll: 0 });
    app.update(Action::Down);
    assert_eq!(app.mode, Mode::Help { scroll: 1 });
    app.update(Action::PageDown);
    let Mode::Help { scroll } = app.mode else {
        panic!("{:?}", app.mode)
    };
    // A page: the 20 lines inside the box at 80×24, less one kept.
    assert_eq!(scroll, 1 + 19);
    app.update(Action::PageUp);
    assert_eq!(app.mode, Mode::Help { scroll: 1 });
    assert!(screen(&app, 80, 24).contains("↓ more: j, PgDn"));
    for _ in 0..20 {
        app.update(Action::PageDown);
    }
    let end = screen(&app, 80, 24);
    assert!(!end.contains("↓ more"), "at the end, no more: {end}");
    assert!(row_text(&app, 80, 24, 23).starts_with(" ↑ scroll"), "{end}");
    assert!(
        end.contains("old: a sent invitation still pending after 21 days"),
        "{end}"
    );
    assert!(end.contains("Esc clears the marks"), "{end}");
    app.update(Action::Cancel);
    assert_eq!(app.mode, Mode::List);
    app.update(Action::Help);
    app.update(Action::Help);
    assert_eq!(app.mode, Mode::List, "? closes the help it opened");
    app.update(Action::Stats);
    assert_eq!(app.mode, Mode::Stats { scroll: 0 });
    app.update(Action::Stats);
    assert_eq!(app.mode, Mode::List);
    // The help opened over the statistics goes back to them, where they
    // were scrolled to, with Esc as with ?.
    app.update(Action::Resize(80, 15));
    app.update(Action::Stats);
    app.update(Action::Down);
    let Mode::Stats { scroll } = app.mode else {
        panic!("{:?}", app.mode)
    };
    assert!(scroll > 0);
    for leave in [Action::Cancel, Action::Help] {
        app.update(Action::Help);
        assert!(matches!(app.mode, Mode::Help { .. }));
        app.update(leave);
        assert_eq!(app.mode, Mode::Stats { scroll });
    }
    // s from that help goes to the statistics; the next help, from the
    // list, goes back to the list.
    app.update(Action::Help);
    app.update(Action::Stats);
    app.update(Action::Cancel);
    app.update(Action::Help);
    app.update(Action::Cancel);
    assert_eq!(app.mode, Mode::List);
}

// ---- drafting ------------------------------------------------------------

#[test]
fn reply_composer_saves_a_draft_that_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let id = app.current().unwrap().id;
    let next = app.invitations[app.rows[1] as usize].id;
    let first = app
        .current()
        .unwrap()
        .from()
        .split(' ')
        .next()
        .unwrap()
        .to_string();
    app.update(Action::Reply);
    assert_eq!(app.mode, Mode::Compose);
    let text = app.composer.as_ref().unwrap().text();
    assert!(text.starts_with(&format!("Hi {first},")), "{text}");
    assert!(
        text.ends_with("Colleen"),
        "signed with the To column's first name: {text}"
    );
    for c in "Happy to talk.".chars() {
        app.update(Action::ComposeKey(key(c)));
    }
    assert!(matches!(
        app.update(Action::ComposeCopy),
        Some(Effect::Copy { text, label })
            if label == "draft, not saved yet (Ctrl-S saves it)" && text.contains("Happy to talk.")
    ));
    // Saved, it is copied to paste on LinkedIn, and the list moves on as
    // after an accept: the next key is meant for the next person.
    let name = app.current().unwrap().from().to_string();
    assert!(matches!(
        app.update(Action::ComposeSave),
        Some(Effect::Copy { text, label })
            if text.contains("Happy to talk.") && label == format!("saved reply to {name} (marked replied; u undoes)")
    ));
    assert_eq!(app.mode, Mode::List);
    assert_eq!(
        app.current().unwrap().id,
        next,
        "a reply moves on, like accept"
    );
    assert_eq!(status_text(&app), format!("Draft saved for {name}"));
    app.update(Action::Up);
    assert!(matches!(
        app.update(Action::CopyDraft),
        Some(Effect::Copy { text, .. }) if text.contains("Happy to talk.")
    ));
    drop(app);
    let mut app = sample_app(dir.path());
    let entry = app.journal.state(id).unwrap();
    assert_eq!(entry.decision(), Some(Decision::Replied));
    assert!(
        entry
            .reply
            .as_ref()
            .unwrap()
            .text
            .contains("Happy to talk.")
    );
    // Opened again on the saved draft, the user's words are not replaced
    // by a template without a question.
    app.update(Action::CycleFilter);
    app.update(Action::CycleFilter);
    app.update(Action::CycleFilter);
    assert_eq!(app.filter, Filter::Replied);
    app.update(Action::Reply);
    app.update(Action::ComposeNextTemplate);
    assert!(
        app.composer
            .as_ref()
            .unwrap()
            .text()
            .contains("Happy to talk."),
        "asked first"
    );
    assert!(status_text(&app).starts_with("Replace your words"));
}

/// The line of the composer (or else the check pad) the cursor is on.
fn cursor_line(app: &App) -> String {
    let editor = match &app.composer {
        Some(c) => &c.editor,
        None => &app.check_pad.as_ref().unwrap().editor,
    };
    editor.lines()[editor.cursor().0].clone()
}

fn press(app: &mut App, code: KeyCode) {
    app.update(Action::ComposeKey(KeyEvent::new(code, KeyModifiers::NONE)));
}

/// Backspace, Delete, Left and Right take what is drawn as one character
/// (a flag of two code points, a family joined with zero-width joiners, a
/// thumb with its skin tone) whole, in the composer and the check pad: one
/// Backspace left half a flag to be saved and pasted on LinkedIn, and
/// typing after a Left went in between its halves.
#[test]
fn the_composer_edits_a_grapheme_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Reply);
    let typed = |app: &mut App, s: &str| {
        for c in s.chars() {
            app.update(Action::ComposeKey(key(c)));
        }
    };
    typed(&mut app, "Go 🇺🇸");
    press(&mut app, KeyCode::Backspace);
    assert!(
        cursor_line(&app).ends_with("Go "),
        "{:?}",
        cursor_line(&app)
    );
    typed(&mut app, "X🇺🇸W");
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Left);
    typed(&mut app, "Z");
    press(&mut app, KeyCode::Right);
    typed(&mut app, "Y");
    assert!(
        cursor_line(&app).ends_with("Go XZ🇺🇸YW"),
        "{:?}",
        cursor_line(&app)
    );
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Delete);
    assert!(
        cursor_line(&app).ends_with("Go XZYW"),
        "{:?}",
        cursor_line(&app)
    );
    press(&mut app, KeyCode::End);
    typed(&mut app, " A👩🏽‍💻B");
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    assert!(
        cursor_line(&app).ends_with("Go XZYW A"),
        "{:?}",
        cursor_line(&app)
    );
    // The two keys are one step back, as two Backspaces always were.
    app.update(Action::ComposeKey(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    assert!(
        cursor_line(&app).ends_with("Go XZYW A👩🏽‍💻B"),
        "{:?}",
        cursor_line(&app)
    );
    app.update(Action::Cancel);
    app.update(Action::ComposeKey(key('y')));
    assert_eq!(app.composer.as_ref().map(|c| c.text()), None);

    app.update(Action::Check);
    typed(&mut app, "Great 👍🏽");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(cursor_line(&app), "Great ");
}

/// A run of Up and Down keeps to the column it started from, as most
/// editors do: through a blank line, the cursor went to the start of the
/// lines after it, and `Q` typed went in before `Best,`. Any other key
/// starts afresh from where the cursor is.
#[test]
fn up_and_down_keep_to_their_column() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Tab(Tab::Customised));
    app.update(Action::Reply);
    // Drawn, as the widget goes by the rows it wrapped its lines into.
    screen(&app, 80, 24);
    assert_eq!(cursor_line(&app), "Thank you for the thoughtful note. ");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    app.update(Action::ComposeKey(key('Q')));
    assert_eq!(cursor_line(&app), "Best,Q");
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Up);
    app.update(Action::ComposeKey(key('R')));
    assert_eq!(
        cursor_line(&app),
        "Thank Ryou for the thoughtful note. ",
        "from the column of the key before"
    );
    press(&mut app, KeyCode::End);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Up);
    app.update(Action::ComposeKey(key('S')));
    assert_eq!(cursor_line(&app), "Thank Ryou for the thoughtful note. S");
}

/// A changed draft is kept on disk as it is written, so an app that ends
/// without saving it (a closed terminal, a kill: here the app is dropped)
/// offers it again on the next start; saving or discarding it removes it,
/// and a draft no different from its template is never written.
#[test]
fn an_unsaved_draft_is_offered_again_after_the_app_ends() {
    let dir = tempfile::tempdir().unwrap();
    let unsaved = dir.path().join("unsaved");
    let files = || -> Vec<String> {
        let Ok(dir) = std::fs::read_dir(&unsaved) else {
            return Vec::new();
        };
        dir.map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect()
    };
    let mut app = sample_app(dir.path());
    let inv = app.current().unwrap().clone();
    app.update(Action::Reply);
    app.update(Action::ComposeKey(KeyEvent::new(
        KeyCode::Right,
        KeyModifiers::NONE,
    )));
    assert!(files().is_empty(), "unchanged: nothing to keep");
    for c in " Friday?".chars() {
        app.update(Action::ComposeKey(key(c)));
    }
    assert_eq!(files(), vec![format!("{}.reply.json", inv.id)]);
    // Gone back into the word to change it.
    for _ in 0..3 {
        app.update(Action::ComposeKey(KeyEvent::new(
            KeyCode::Left,
            KeyModifiers::NONE,
        )));
    }
    app.update(Action::ComposeKey(key('X')));
    let typed = app.composer.as_ref().unwrap().text();
    assert!(typed.contains(" FridXay?"), "{typed}");
    drop(app);

    // The next start opens the composer on it, and says so.
    let mut app = sample_app(dir.path());
    assert_eq!(app.mode, Mode::Compose);
    let c = app.composer.as_ref().unwrap();
    assert_eq!(app.invitations[c.index as usize].id, inv.id);
    assert_eq!(c.text(), typed);
    assert!(c.recovered && !c.resumed);
    // The cursor is where the words were being written.
    let ratatui_textarea::DataCursor(row, col) = c.editor.cursor();
    let before: String = c.editor.lines()[row].chars().take(col).collect();
    assert!(before.ends_with(" FridX"), "{before:?}");
    assert_eq!(
        status_text(&app),
        format!(
            "Recovered your unsaved reply to {} (25 Nov, 12:00): Ctrl-S saves it",
            inv.from()
        )
    );
    assert!(screen(&app, 100, 30).contains("recovered, not saved yet"));
    // It counts as changed: the first Esc only asks.
    app.update(Action::Cancel);
    assert_eq!(app.mode, Mode::Compose);
    assert_eq!(files().len(), 1);
    app.update(Action::ComposeKey(key('y')));
    assert_eq!(app.mode, Mode::List);
    assert!(files().is_empty(), "discarded");
    drop(app);
    let app = sample_app(dir.path());
    assert_eq!(app.mode, Mode::List, "nothing left to recover");

    // Saved: in the journal, and no longer kept as unsaved.
    let mut app = app;
    app.update(Action::Reply);
    app.update(Action::ComposeKey(key('!')));
    assert_eq!(files().len(), 1);
    app.update(Action::ComposeSave);
    assert!(files().is_empty(), "saved");
    let saved = app.journal.state(inv.id).unwrap().reply.clone().unwrap();
    assert!(saved.text.contains('!'), "{}", saved.text);

    // Writing over a saved draft keeps the new text unsaved; the composer
    // reopens on it, and Esc then y goes back to the saved one.
    for _ in 0..3 {
        app.update(Action::CycleFilter);
    }
    assert_eq!(app.filter, Filter::Replied);
    assert_eq!(app.current().unwrap().id, inv.id);
    app.update(Action::Reply);
    assert!(app.composer.as_ref().unwrap().resumed);
    app.update(Action::ComposeKey(key('?')));
    let rewritten = app.composer.as_ref().unwrap().text();
    assert_ne!(rewritten, saved.text);
    drop(app);
    let mut app = sample_app(dir.path());
    assert_eq!(app.composer.as_ref().unwrap().text(), rewritten);
    app.update(Action::Cancel);
    app.update(Action::ComposeKey(key('y')));
    assert!(files().is_empty());
    assert_eq!(
        app.current().unwrap().id,
        inv.id,
        "the list under it is on its invitation, replied as it is"
    );
    assert_eq!(
        app.journal.state(inv.id).unwrap().reply.as_ref(),
        Some(&saved)
    );
}

/// The journal deleted while the screen is open (by hand, a clean-up) is
/// written back whole with the next step, or on quitting, and the user is
/// told: the next start finds every decision.
#[cfg(unix)]
/// A data folder deleted while the screen is open, before any step: the
/// journal held nothing, so quitting neither makes the folder again nor
/// keeps an empty journal in the temporary folder, and says nothing.
#[test]
fn a_blank_journal_deleted_while_open_stays_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut app = sample_app(&data);
    assert!(app.journal.is_blank());
    std::fs::remove_dir_all(&data).unwrap();
    let words = leave(&mut app);
    assert!(!words.iter().any(|w| w.contains("journal")), "{words:#?}");
    assert!(!data.exists());
}

#[test]
fn a_journal_deleted_while_open_is_written_back() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join(invitriage::journal::FILE_NAME);
    let mut app = sample_app(dir.path());
    app.update(Action::Accept);
    let first = app.journal.line_count();
    std::fs::remove_file(&journal).unwrap();
    app.update(Action::Ignore);
    let status = app.status.as_ref().expect("a status line");
    assert!(status.error);
    assert!(
        status.text.starts_with("Ignored ")
            && status.text.ends_with(
                "had been deleted while invitriage was open: written back whole, with this step"
            ),
        "{}",
        status.text
    );
    assert_eq!(app.journal.line_count(), first + 1);
    // A save copies its words: the note follows the copy's message.
    std::fs::remove_file(&journal).unwrap();
    app.update(Action::Reply);
    app.update(Action::ComposeKey(key('!')));
    assert!(matches!(
        app.update(Action::ComposeSave),
        Some(Effect::Copy { .. })
    ));
    app.update(Action::Status("Copied the saved reply".into(), false));
    assert!(
        status_text(&app).starts_with("Copied the saved reply · the journal ")
            && status_text(&app).ends_with("written back whole, with this step"),
        "{}",
        status_text(&app)
    );
    // Deleted again, with no step after it: written back on quitting.
    std::fs::remove_file(&journal).unwrap();
    let words = leave(&mut app);
    assert!(
        words.iter().any(|w| w.ends_with(
            "had been deleted while invitriage was open: written back whole, so the next start finds every step"
        )),
        "{words:#?}"
    );
    drop(app);
    let mut app = sample_app(dir.path());
    assert_eq!(app.progress().0, 3, "the decisions and the reply are there");
    // Replaced by a copy of itself (a backup or a sync tool): nothing to
    // say, nothing kept.
    app.update(Action::Accept);
    let same = std::fs::read(&journal).unwrap();
    std::fs::remove_file(&journal).unwrap();
    std::fs::write(&journal, &same).unwrap();
    let words = leave(&mut app);
    assert!(
        !words.iter().any(|w| w.contains("the journal ")),
        "{words:#?}"
    );
    drop(app);
    let mut app = sample_app(dir.path());
    assert_eq!(app.progress().0, 4);
    assert!(
        !app.notices.iter().any(|n| n.contains("kept")),
        "{:#?}",
        app.notices
    );
    // Deleted, and another file put in its place: kept in the temporary
    // folder instead, and said so.
    app.update(Action::Accept);
    std::fs::remove_file(&journal).unwrap();
    std::fs::write(&journal, "").unwrap();
    let words = leave(&mut app);
    let warning = words
        .iter()
        .find(|w| w.starts_with("warning: the journal "))
        .unwrap_or_else(|| panic!("{words:#?}"));
    assert!(
        warning.contains(
            " was replaced by another file while invitriage was open and could not be put back: its steps are kept in "
        ),
        "{warning}"
    );
    drop(app);
    // The file in its place is empty: the next start takes them back.
    let app = sample_app(dir.path());
    assert_eq!(app.progress().0, 5);
    assert!(
        app.notices
            .iter()
            .any(|n| n.starts_with("Took back the journal kept in ")),
        "{:#?}",
        app.notices
    );
}

/// The data folder deleted while a reply is being written, and another left
/// for later: typing puts the journal (and its lock) back with the folder,
/// and quitting writes the draft left for later again, so that the next
/// start offers it as the quit message says.
#[cfg(unix)]
#[test]
fn drafts_outlive_their_folder_deleted_while_open() {
    let top = tempfile::tempdir().unwrap();
    let dir = top.path().join("data");
    let mut app = sample_app(&dir);
    app.update(Action::Accept);
    let later = app.current().unwrap().id;
    app.update(Action::Reply);
    app.update(Action::ComposeKey(key('!')));
    app.update(Action::Cancel);
    app.update(Action::ComposeKey(key('l')));
    assert!(app.composer.is_none());
    app.update(Action::Down);
    app.update(Action::Reply);
    std::fs::remove_dir_all(&dir).unwrap();
    app.update(Action::ComposeKey(key('?')));
    assert!(
        dir.join(invitriage::journal::FILE_NAME).is_file(),
        "written back"
    );
    assert!(
        dir.join(invitriage::journal::LOCK_FILE_NAME).is_file(),
        "locked again"
    );
    std::fs::remove_dir_all(&dir).unwrap();
    let words = leave(&mut app);
    assert!(
        !words.iter().any(|w| w.starts_with("warning")),
        "{words:#?}"
    );
    drop(app);
    let app = sample_app(&dir);
    assert_eq!(app.progress().0, 1, "the accept is back");
    assert!(
        app.journal
            .unsaved(later, invitriage::journal::DraftKind::Reply)
            .is_some(),
        "the draft left for later is back"
    );
    assert!(app.composer.is_some(), "the open one is offered again");
}

/// Steps refused because another program wrote to the journal are said
/// again on quitting: the screen said so only at each.
#[test]
fn steps_refused_by_a_changed_journal_are_said_again_on_quitting() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join(invitriage::journal::FILE_NAME);
    let mut app = sample_app(dir.path());
    app.update(Action::Accept);
    let mut other = std::fs::OpenOptions::new()
        .append(true)
        .open(&journal)
        .unwrap();
    std::io::Write::write_all(&mut other, b"\n").unwrap();
    app.update(Action::Ignore);
    app.update(Action::Ignore);
    assert!(status_text(&app).starts_with("Not saved: "));
    let words = leave(&mut app);
    let said = words
        .iter()
        .find(|w| w.starts_with("warning: 2 steps were not recorded, as the journal "))
        .unwrap_or_else(|| panic!("{words:#?}"));
    assert!(
        said.contains(" was written to by another program while invitriage was open (the journal as this screen knew it, every step recorded before, is kept in ")
            && said.ends_with(
                "); start invitriage again, which reads the journal as it is now, and take them again"
            ),
        "{said}"
    );
    // Kept whole: the accept made before the change is in it.
    let kept = said
        .split(" is kept in ")
        .nth(1)
        .and_then(|rest| rest.split(": the next start").next())
        .unwrap();
    let text = std::fs::read_to_string(kept).unwrap();
    assert!(text.contains("\"decision\":\"accepted\""), "{text}");
    std::fs::remove_file(kept).unwrap();
}

/// When the unsaved draft cannot be written, the status line says so and
/// the draft is still there to save.
#[test]
fn a_draft_that_cannot_be_kept_on_disk_says_so_and_still_saves() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("unsaved"), "in the way").unwrap();
    let mut app = sample_app(dir.path());
    let id = app.current().unwrap().id;
    app.update(Action::Reply);
    app.update(Action::ComposeKey(key('!')));
    let status = app.status.as_ref().expect("a status line");
    assert!(status.error);
    assert!(
        status.text.starts_with(
            "Save with Ctrl-S: the draft cannot be kept on disk as you write (cannot create "
        ),
        "{}",
        status.text
    );
    let text = app.composer.as_ref().unwrap().text();
    // Quitting would lose it: Ctrl-C says so instead.
    assert_eq!(app.update(Action::Quit), None);
    assert_eq!(
        status_text(&app),
        "Not quitting: the draft is not kept on disk · Ctrl-Y copies it; Ctrl-S saves it once the disk takes it; Esc then y discards it"
    );
    // A screen too small to type on does not promise that Ctrl-C quits.
    app.update(Action::Resize(50, 12));
    let flat = |w, h| {
        let out = screen(&app, w, h).replace(['"', '\n'], " ");
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let small = flat(50, 12);
    assert!(
        small.contains("your text is not kept on disk (a full one?), so Ctrl-C does not quit."),
        "{small}"
    );
    assert!(!small.contains("Ctrl-C to quit"), "{small}");
    let tiny = flat(30, 4);
    assert!(
        tiny.starts_with("text not on disk: Ctrl-C won't quit · needs"),
        "{tiny}"
    );
    app.update(Action::Resize(80, 24));
    // Ended all the same (a SIGTERM or a hang-up does not ask): its text
    // is printed, and kept in the temporary folder, as the terminal may be
    // gone.
    let words = leave(&mut app);
    assert!(
        words.len() == 1
            && words[0].starts_with(
                "your reply to Kenji Jankowski is not saved, and the data folder cannot keep it (cannot create "
            )
            && words[0].ends_with(&format!(
                " instead, which the next start takes back; here it is:\n{text}"
            )),
        "{words:#?}"
    );
    let rescued = std::path::PathBuf::from(
        words[0]
            .split("): kept in ")
            .nth(1)
            .and_then(|rest| rest.split(" instead,").next())
            .unwrap(),
    );
    assert!(rescued.starts_with(std::env::temp_dir()), "{rescued:?}");
    assert!(rescued.is_file());
    // Left for later, it stays open, and the status line names the cause.
    app.update(Action::Cancel);
    app.update(Action::ComposeKey(key('l')));
    assert!(app.composer.is_some());
    assert!(
        status_text(&app).starts_with("The draft stays open, not kept on disk: cannot create "),
        "{}",
        status_text(&app)
    );
    assert!(
        status_text(&app).ends_with(" · Ctrl-S saves it, Ctrl-Y copies it"),
        "{}",
        status_text(&app)
    );
    app.update(Action::ComposeSave);
    assert_eq!(
        app.journal.state(id).unwrap().reply.as_ref().unwrap().text,
        text
    );
    // The check pad says so too, and keeps the note in memory.
    app.update(Action::Check);
    app.update(Action::ComposeKey(key('H')));
    let status = app.status.as_ref().expect("a status line");
    assert!(status.error);
    assert!(
        status
            .text
            .starts_with("Copy the note with Ctrl-Y: it cannot be kept on disk (cannot create "),
        "{}",
        status.text
    );
    app.update(Action::Cancel);
    app.update(Action::Check);
    assert_eq!(app.check_pad.as_ref().unwrap().lines(), ["H"]);
    // Quitting would lose that note, as it would a draft: said instead.
    app.update(Action::Cancel);
    assert_eq!(app.update(Action::Quit), None);
    assert!(
        status_text(&app)
            .starts_with("Not quitting: the check pad's note is not kept on disk · w opens it"),
        "{}",
        status_text(&app)
    );
    // From the list, a screen too small says so too, not "q to quit".
    app.update(Action::Resize(50, 12));
    let small = screen(&app, 50, 12).replace(['"', '\n'], " ");
    let small = small.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        small.contains(
            "the check pad's note is not kept on disk (a full one?), so quitting is refused."
        ),
        "{small}"
    );
    app.update(Action::Resize(80, 24));
    // Room made on the disk: the note is kept at once, and the same key
    // quits.
    std::fs::remove_file(dir.path().join("unsaved")).unwrap();
    assert_eq!(app.update(Action::Quit), Some(Effect::Quit));
    assert_eq!(app.journal.check_note(), Some("H"));
    // The words kept in the temporary folder were saved since: the next
    // start removes them, and offers nothing.
    drop(app);
    let app = sample_app(dir.path());
    assert!(!rescued.exists());
    assert!(app.composer.is_none());
}

/// Quitting says a draft is kept only once its file is made durable (it
/// is not fsync'd on every key): when that fails (here the file has gone),
/// the text is printed instead, under a line saying whose it is; the check
/// pad's note likewise.
#[test]
fn quitting_makes_sure_a_kept_draft_is_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("unsaved");
    let mut app = sample_app(dir.path());
    let to = app.current().unwrap().from().to_string();
    app.update(Action::Check);
    app.update(Action::ComposeKey(key('H')));
    app.update(Action::Cancel);
    app.update(Action::Reply);
    for c in " Friday?".chars() {
        app.update(Action::ComposeKey(key(c)));
    }
    let text = app.composer.as_ref().unwrap().text();
    assert_eq!(app.update(Action::Quit), Some(Effect::Quit));
    assert_eq!(
        leave(&mut app),
        [format!(
            "your reply to {to} is kept, not saved: the next start opens it again"
        )]
    );
    // Gone from under it (removed, or never reached the disk).
    std::fs::remove_dir_all(&folder).unwrap();
    std::fs::write(&folder, "in the way").unwrap();
    let words = leave(&mut app);
    assert_eq!(words.len(), 2, "{words:#?}");
    assert!(
        words[0].starts_with(&format!(
            "your reply to {to} is not saved, and the data folder cannot keep it (cannot "
        )),
        "{}",
        words[0]
    );
    assert!(
        words[0].ends_with(&format!(
            " instead, which the next start takes back; here it is:\n{text}"
        )),
        "{}",
        words[0]
    );
    // Kept in the temporary folder too (see the test above).
    let rescued = words[0]
        .split("): kept in ")
        .nth(1)
        .and_then(|rest| rest.split(" instead,").next())
        .unwrap();
    std::fs::remove_file(rescued).unwrap();
    assert!(
        words[1].starts_with("the check pad's note cannot be kept in the data folder (cannot "),
        "{}",
        words[1]
    );
    assert!(
        words[1].ends_with(" instead, which the next start takes back; here it is:\nH"),
        "{}",
        words[1]
    );
    let rescued = words[1]
        .split("): kept in ")
        .nth(1)
        .and_then(|rest| rest.split(" instead,").next())
        .unwrap();
    std::fs::remove_file(rescued).unwrap();
}

/// A discarded draft whose unsaved file cannot be removed (the folder
/// made immutable) says so, not that it cannot be kept; quitting tries
/// again, and says where the file is when it is still there.
#[cfg(target_os = "linux")]
#[test]
fn a_discarded_draft_whose_file_stays_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("unsaved");
    let chattr = |flag: &str| {
        std::process::Command::new("chattr")
            .arg(flag)
            .arg(&folder)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    let mut app = sample_app(dir.path());
    let to = app.current().unwrap().from().to_string();
    app.update(Action::Reply);
    app.update(Action::ComposeKey(key('!')));
    assert!(app.journal.unsaved_drafts().count() == 1);
    let file = std::fs::read_dir(&folder)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    if !chattr("+i") {
        eprintln!("chattr +i cannot be used here; skipped");
        return;
    }
    // Made mutable again however the test ends.
    struct Thaw<F: Fn(&str) -> bool>(F);
    impl<F: Fn(&str) -> bool> Drop for Thaw<F> {
        fn drop(&mut self) {
            (self.0)("-i");
        }
    }
    let _thaw = Thaw(chattr);
    app.update(Action::Cancel);
    app.update(Action::ComposeKey(key('y')));
    assert_eq!(app.mode, Mode::List);
    let status = app.status.as_ref().expect("a status line");
    assert!(status.error);
    assert_eq!(
        status.text,
        format!(
            "Draft discarded, but its unsaved copy {} could not be removed: Operation not permitted (os error 1); the next start would offer it again: remove it by hand",
            file.display()
        )
    );
    assert_eq!(app.update(Action::Quit), Some(Effect::Quit));
    assert_eq!(
        leave(&mut app),
        [format!(
            "your discarded reply to {to} is still in {}, which cannot be removed: Operation not permitted (os error 1); the next start offers it again: remove it by hand",
            file.display()
        )]
    );
    // Removable again: quitting removes it, and says nothing.
    drop(_thaw);
    assert_eq!(leave(&mut app), Vec::<String>::new());
    assert!(!file.exists());
}

/// Of several unsaved drafts the newest opens; the status line counts the
/// others, and says when some belong to invitations not in this export.
#[test]
fn the_newest_unsaved_draft_opens_and_the_others_are_counted() {
    use invitriage::invitation::InvitationId;
    use invitriage::journal::{DraftKind, Unsaved};
    let dir = tempfile::tempdir().unwrap();
    let app = sample_app(dir.path());
    let (a, b) = (app.invitations[0].clone(), app.invitations[1].clone());
    drop(app);
    let keep = |ids: &[(InvitationId, &str, &str)]| {
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        for (i, &(id, at, text)) in ids.iter().enumerate() {
            j.keep_unsaved(Unsaved {
                id,
                kind: if i == 2 {
                    DraftKind::ThankYou
                } else {
                    DraftKind::Reply
                },
                name: format!("Person {i}"),
                at: import::parse_sent_at(at).unwrap(),
                text: text.into(),
                cursor: None,
                sent: None,
            })
            .unwrap();
        }
    };
    keep(&[
        (a.id, "2026-11-20T09:00:00", "older"),
        (b.id, "2026-11-21T09:00:00", "newer"),
    ]);
    let app = sample_app(dir.path());
    let c = app.composer.as_ref().unwrap();
    assert_eq!(
        (app.invitations[c.index as usize].id, c.text()),
        (b.id, "newer".into())
    );
    assert_eq!(
        status_text(&app),
        format!(
            "Recovered your unsaved reply to {} (21 Nov, 09:00): Ctrl-S saves it · 1 more unsaved draft (to {}: r on their invitation opens it)",
            b.from(),
            a.from()
        )
    );
    drop(app);
    // A thank-you for an invitation of another export.
    keep(&[
        (a.id, "2026-11-20T09:00:00", "older"),
        (b.id, "2026-11-21T09:00:00", "newer"),
        (InvitationId(7), "2026-11-22T09:00:00", "elsewhere"),
    ]);
    // A damaged file is a note from loading, which the line points to.
    let damaged = dir.path().join("unsaved").join("damaged.json");
    std::fs::write(&damaged, "{").unwrap();
    let app = sample_app(dir.path());
    let c = app.composer.as_ref().unwrap();
    assert_eq!(c.text(), "newer", "the newest of this export's");
    assert!(
        status_text(&app).ends_with(&format!(
            " · 1 more unsaved draft (to {}: r on their invitation opens it) · notes: ? on the list shows them",
            a.from()
        )),
        "{}",
        status_text(&app)
    );
    let unsaved = dir.path().join("unsaved");
    // A thank-you, with no accept in the journal: no export opens it.
    let elsewhere = format!(
        "1 unsaved draft from an earlier run (to Person 2) is for an invitation not in this export, and no export opens it: the decision on it does not fit the draft (a reply after an accept, a thank-you without one); the text is kept in {}",
        unsaved.display()
    );
    assert_eq!(app.notices.len(), 2, "{:?}", app.notices);
    assert_eq!(app.notices[0], elsewhere, "words at stake come first");
    assert!(app.notices[1].contains("damaged.json"), "{:?}", app.notices);
    drop(app);
    std::fs::remove_file(damaged).unwrap();
    // Only that one: nothing opens, and the line gives the note.
    for (id, kind) in [(a.id, DraftKind::Reply), (b.id, DraftKind::Reply)] {
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        j.forget_unsaved(id, kind).unwrap();
    }
    let app = sample_app(dir.path());
    assert_eq!(app.mode, Mode::List);
    assert_eq!(status_text(&app), format!("A note: {elsewhere}"));
    drop(app);
    // A thank-you among the others is opened with t, and said so.
    let c = app_invitation(dir.path(), 2);
    keep(&[
        (a.id, "2026-11-20T09:00:00", "older"),
        (b.id, "2026-11-21T09:00:00", "newer"),
        (c.id, "2026-11-19T09:00:00", "thanks"),
    ]);
    // Accepted: a thank-you is for an accept.
    {
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        j.record_decision(&[c.id], Some(Decision::Accepted), now())
            .unwrap();
    }
    let app = sample_app(dir.path());
    assert!(
        status_text(&app).contains(&format!(
            " · 2 more unsaved drafts (to {} and {}: r or t on their invitation opens each)",
            a.from(),
            c.from()
        )),
        "{}",
        status_text(&app)
    );
}

/// An accept made more than a day before the export was made, which still
/// lists the invitation pending, was not done on LinkedIn: the detail pane
/// says so, where an accept within the day reads as any other.
#[test]
fn an_accept_an_export_made_since_shows_pending_is_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let invs = sample_app(dir.path()).invitations;
    let newest = invs.iter().map(|i| i.sent_at).max().unwrap();
    let old = invs
        .iter()
        .find(|i| {
            i.direction == invitriage::invitation::Direction::Incoming
                && i.sent_at < newest - chrono::Duration::days(3)
        })
        .unwrap()
        .clone();
    let recent = invs
        .iter()
        .find(|i| i.direction == invitriage::invitation::Direction::Incoming && i.sent_at == newest)
        .unwrap()
        .clone();
    {
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        let after = |i: &invitriage::invitation::Invitation| i.sent_at + chrono::Duration::hours(1);
        j.record_decision_on(
            &[old.id],
            &[old.sent_at],
            Some(Decision::Accepted),
            after(&old),
        )
        .unwrap();
        j.record_decision_on(
            &[recent.id],
            &[recent.sent_at],
            Some(Decision::Accepted),
            after(&recent),
        )
        .unwrap();
    }
    // Said first on opening, before the news: a step to take.
    let seen = Seen {
        newest: newest - chrono::Duration::days(2),
        opened: newest - chrono::Duration::days(2),
    };
    let mut app = app_seen(Source::Sample, dir.path(), false, &[], Some(seen));
    assert!(
        status_text(&app).starts_with("2 notes (? shows them): an invitation you accepted more than a day before this export was made is still pending in it"),
        "{}",
        status_text(&app)
    );
    app.update(Action::Tab(Tab::All));
    go_to(&mut app, old.id);
    let out = screen(&app, 200, 40);
    assert!(
        out.contains("· not accepted on LinkedIn yet: this export,"),
        "{out}"
    );
    assert!(
        out.contains("made since, has it pending: o opens the profile"),
        "{out}"
    );
    go_to(&mut app, recent.id);
    let out = screen(&app, 200, 40);
    assert!(
        out.contains("· recorded here only: o opens the profile"),
        "{out}"
    );
    assert!(!out.contains("not accepted on LinkedIn yet"), "{out}");
}

/// A step to take said first on opening (an accept not done on LinkedIn)
/// holds the news back to the next key; quitting at once leaves it to be
/// told by the next start (`seen.json` not moved on).
#[test]
fn the_news_waits_behind_a_step_to_take() {
    let dir = tempfile::tempdir().unwrap();
    let invs = sample_app(dir.path()).invitations;
    let newest = invs.iter().map(|i| i.sent_at).max().unwrap();
    let old = invs
        .iter()
        .find(|i| {
            i.direction == invitriage::invitation::Direction::Incoming
                && i.sent_at < newest - chrono::Duration::days(3)
        })
        .unwrap()
        .clone();
    {
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        j.record_decision_on(
            &[old.id],
            &[old.sent_at],
            Some(Decision::Accepted),
            old.sent_at + chrono::Duration::hours(1),
        )
        .unwrap();
    }
    let before = Seen {
        newest: newest - chrono::Duration::days(2),
        opened: newest - chrono::Duration::days(2),
    };
    let this = Seen {
        newest: now(),
        opened: now(),
    };
    let start = || {
        let mut app = app_unsized(
            Source::Sample,
            dir.path(),
            false,
            &[],
            Some(before),
            Some(this),
        );
        app.update(Action::Resize(80, 24));
        app
    };
    let read = || {
        let (journal, _) = Journal::open_read_only(dir.path()).unwrap();
        journal.read_seen().unwrap()
    };
    let mut app = start();
    let news = app.notices[1].clone();
    assert!(news.contains(" new since "), "{news}");
    assert!(
        status_text(&app).starts_with("2 notes (? shows them): an invitation you accepted"),
        "{}",
        status_text(&app)
    );
    assert!(matches!(app.update(Action::Quit), Some(Effect::Quit)));
    leave(&mut app);
    drop(app);
    assert_eq!(read(), None, "not shown, so not seen");
    let mut app = start();
    app.update(Action::Down);
    assert!(status_text(&app).ends_with(&news), "{}", status_text(&app));
    leave(&mut app);
    assert_eq!(read(), Some(this));
}

/// An unsaved copy older than the draft saved since (left by a save whose
/// folder was read-only) is offered as older than the saved one, with the
/// way to keep that one.
#[test]
fn an_unsaved_draft_older_than_the_saved_one_says_so() {
    use invitriage::journal::{DraftKind, Unsaved};
    let dir = tempfile::tempdir().unwrap();
    let inv = app_invitation(dir.path(), 0);
    let t = |s| import::parse_sent_at(s).unwrap();
    {
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        j.keep_unsaved(Unsaved {
            id: inv.id,
            kind: DraftKind::Reply,
            name: inv.counterpart().into(),
            at: t("2026-11-25T11:30:43"),
            text: "Hi, older words".into(),
            cursor: None,
            sent: None,
        })
        .unwrap();
        j.record_draft(
            inv.id,
            DraftKind::Reply,
            "Hi, newer words",
            t("2026-11-25T11:30:46"),
        )
        .unwrap();
    }
    let app = sample_app(dir.path());
    assert_eq!(app.mode, Mode::Compose);
    assert!(
        status_text(&app).contains(
            "(25 Nov, 11:30:43), older than the one saved 25 Nov, 11:30:46: Esc, then y, keeps the saved one; Ctrl-S saves this instead"
        ),
        "{}",
        status_text(&app)
    );
}

/// The invitation at `i` of the sample, as an app over `dir` reads it.
fn app_invitation(dir: &std::path::Path, i: usize) -> invitriage::invitation::Invitation {
    sample_app(dir).invitations[i].clone()
}

#[test]
fn empty_draft_is_refused_and_kept_open() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Reply);
    // An editor that leaves its file empty gives up: the words stay.
    let words = app.composer.as_ref().unwrap().text();
    assert!(!words.trim().is_empty());
    app.update(Action::EditorDone(Ok("   \n".into())));
    assert_eq!(app.composer.as_ref().unwrap().text(), words);
    assert!(
        status_text(&app)
            .starts_with("The editor left the file empty: the draft is kept as it was"),
        "{}",
        status_text(&app)
    );
    // Emptied by hand, it is refused on saving.
    for _ in 0..words.chars().count() + 10 {
        for code in [KeyCode::Backspace, KeyCode::Delete] {
            app.update(Action::ComposeKey(KeyEvent::new(code, KeyModifiers::NONE)));
        }
    }
    assert_eq!(app.composer.as_ref().unwrap().text().trim(), "");
    app.update(Action::ComposeSave);
    assert_eq!(app.mode, Mode::Compose);
    assert!(app.status.as_ref().unwrap().error);
}

/// A draft over LinkedIn's message limit says so in words, in the
/// composer and on saving; it is counted as LinkedIn counts (`👍🏽` is 4).
#[test]
fn a_draft_over_the_message_limit_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Reply);
    app.update(Action::EditorDone(Ok(
        format!("{}👍🏽", "a".repeat(7997)).into()
    )));
    let shown = screen(&app, 100, 30);
    assert!(
        shown.contains(" 8001 chars: 1 over LinkedIn's 8000 "),
        "{shown}"
    );
    match app.update(Action::ComposeSave) {
        Some(Effect::Copy { label, .. }) => assert!(
            label.ends_with(
                " · 1 character over LinkedIn's 8000 for a message: shorten it before sending"
            ),
            "{label}"
        ),
        other => panic!("saving gave {other:?}"),
    }
}

/// Esc on a changed draft over a saved one asks, and `y` discards the
/// changes, keeping the saved draft; both said on the status line.
fn discard_over_saved_draft(app: &mut App) {
    app.update(Action::Cancel);
    assert!(
        status_text(app).starts_with("Discard your changes? The saved draft stays"),
        "{}",
        status_text(app)
    );
    app.update(Action::ComposeKey(key('y')));
    assert_eq!(status_text(app), "Changes discarded; the saved draft stays");
}

/// Words replaced by a template are gone from the text but not from
/// Ctrl-U's history: Esc asks before leaving, rather than closing at once
/// as on an untouched template.
#[test]
fn escape_asks_after_a_template_replaced_your_words() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Reply);
    for c in "MY WORDS".chars() {
        app.update(Action::ComposeKey(key(c)));
    }
    let template = app.composer.as_ref().unwrap().template;
    app.update(Action::ComposeTemplate(template));
    app.update(Action::ComposeKey(key('y')));
    assert!(!app.composer.as_ref().unwrap().text().contains("MY WORDS"));
    app.update(Action::Cancel);
    assert_eq!(app.mode, Mode::Compose, "asked, not closed");
    assert!(
        status_text(&app).starts_with("Discard this draft?"),
        "{}",
        status_text(&app)
    );
    // Untouched, a template closes at once; so does one switched to
    // another, or with a letter typed and deleted.
    app.update(Action::ComposeKey(key('y')));
    app.update(Action::Reply);
    app.update(Action::Cancel);
    assert_eq!(app.mode, Mode::List);
    app.update(Action::Reply);
    app.update(Action::ComposeNextTemplate);
    app.update(Action::ComposeKey(key('x')));
    app.update(Action::ComposeKey(KeyEvent::new(
        KeyCode::Backspace,
        KeyModifiers::NONE,
    )));
    app.update(Action::Cancel);
    assert_eq!(app.mode, Mode::List, "{}", status_text(&app));
    // A saved reply replaced by a template: the saved one stays, and the
    // question and the answer say so.
    let who = app.current().unwrap().id;
    app.update(Action::Reply);
    app.update(Action::ComposeKey(key('!')));
    app.update(Action::ComposeSave);
    go_to(&mut app, who);
    app.update(Action::Reply);
    let template = app.composer.as_ref().unwrap().template;
    app.update(Action::ComposeTemplate(template));
    app.update(Action::ComposeKey(key('y')));
    discard_over_saved_draft(&mut app);
}

#[test]
fn escape_asks_before_discarding_a_changed_draft() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Reply);
    app.update(Action::ComposeKey(key('x')));
    app.update(Action::Cancel);
    assert_eq!(app.mode, Mode::Compose, "first Esc only asks");
    assert_eq!(
        status_text(&app),
        "Discard this draft? y discards it · l leaves it for later, unsaved · Esc keeps writing · Ctrl-S saves it"
    );
    // A second Esc (a quick double tap) answers no: the words stay.
    app.update(Action::Cancel);
    assert_eq!(app.mode, Mode::Compose, "Esc again keeps the draft");
    assert_eq!(status_text(&app), "Kept the draft; type on");
    assert!(app.composer.as_ref().unwrap().text().contains('x'));
    // Asked again, y discards.
    app.update(Action::Cancel);
    app.update(Action::ComposeKey(key('y')));
    assert_eq!(app.mode, Mode::List);
    assert_eq!(status_text(&app), "Draft discarded");
    assert_eq!(app.progress().0, 0, "nothing recorded");
}

/// `l` at the discard question leaves the draft for later: the composer
/// closes, the words stay on disk unsaved, the row says so, `r` opens
/// them again, and leaving names them.
#[test]
fn a_draft_can_be_left_for_later() {
    use invitriage::journal::DraftKind;
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let who = app.current().unwrap().id;
    let name = current_name(&app);
    app.update(Action::Reply);
    type_and_leave_for_later(&mut app, 'x');
    assert_eq!(app.mode, Mode::List, "{}", status_text(&app));
    assert_eq!(
        status_text(&app),
        format!(
            "Left your reply to {name} for later, not saved: r on their row opens it again, and so does the next start"
        )
    );
    assert_eq!(app.progress().0, 0, "nothing recorded");
    let kept = |app: &App| {
        app.journal
            .unsaved(who, DraftKind::Reply)
            .is_some_and(|u| u.text.contains('x'))
    };
    assert!(kept(&app));
    let out = screen(&app, 120, 40);
    assert!(
        out.contains("reply left for later, not saved · r opens it"),
        "{out}"
    );
    // Another draft opened and discarded leaves it be.
    app.update(Action::Down);
    assert_ne!(app.current().unwrap().id, who);
    app.update(Action::Reply);
    app.update(Action::ComposeKey(key('z')));
    app.update(Action::Cancel);
    app.update(Action::ComposeKey(key('y')));
    assert_eq!(status_text(&app), "Draft discarded");
    assert!(kept(&app));
    assert_eq!(
        leave(&mut app),
        [format!(
            "left for later, not saved: your reply to {name}; the next start offers it again"
        )]
    );
    // r opens the words again.
    go_to(&mut app, who);
    app.update(Action::Reply);
    assert!(app.composer.as_ref().unwrap().text().contains('x'));
    app.update(Action::Cancel);
    app.update(Action::ComposeKey(key('l')));

    // A thank-you left for later, its accept undone since: the pane says
    // what opens it now.
    go_to(&mut app, who);
    app.update(Action::Down);
    let other = app.current().unwrap().id;
    app.update(Action::Accept);
    go_to(&mut app, other);
    app.update(Action::ThankYou);
    type_and_leave_for_later(&mut app, '!');
    assert!(screen(&app, 120, 40).contains("thank-you left for later, not saved · t opens it"));
    app.update(Action::Undo);
    go_to(&mut app, other);
    let out = screen(&app, 120, 40);
    assert!(
        out.contains("thank-you left for later, not saved · a accepts, then t opens it"),
        "{out}"
    );
    let other_name = current_name(&app);
    // Its accept undone, the thank-you will not open: said apart.
    assert_eq!(
        leave(&mut app),
        [
            format!(
                "left for later, not saved: your reply to {name}; the next start offers it again"
            ),
            format!(
                "your thank-you to {other_name}, left for later, stays on disk but will not open: a thank-you follows an accept, and they are not accepted now (a accepts)"
            )
        ]
    );
}

/// A reply left for later, then an accept: the next start does not open
/// the reply (saved, it would turn the accept into "replied" without a
/// word), and says why; the words stay on disk. So for a thank-you left
/// for later on an invitation ignored since.
#[test]
fn a_draft_left_for_later_waits_when_the_decision_since_bars_it() {
    use invitriage::journal::DraftKind;
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let who = app.current().unwrap().id;
    let name = current_name(&app);
    app.update(Action::Reply);
    type_and_leave_for_later(&mut app, 'x');
    go_to(&mut app, who);
    app.update(Action::Accept);
    // Said at once, not only on leaving.
    assert!(
        status_text(&app).contains(" · its reply left for later is kept, not to send"),
        "{}",
        status_text(&app)
    );
    // A thank-you left for later on another, ignored since.
    app.update(Action::Down);
    let other = app.current().unwrap().id;
    let other_name = current_name(&app);
    app.update(Action::Accept);
    go_to(&mut app, other);
    app.update(Action::ThankYou);
    type_and_leave_for_later(&mut app, '!');
    app.update(Action::Ignore);
    assert!(
        status_text(&app).contains(" · its thank-you left for later is kept, not to send"),
        "{}",
        status_text(&app)
    );
    // Leaving says they will not open, and why (the ignore, not the
    // accept, is the step `u` would undo).
    let words = leave(&mut app);
    assert!(
        words.contains(&format!(
            "your reply to {name}, left for later, stays on disk but will not open: a reply is instead of accepting, and they are accepted now (r on their row asks to reply instead)"
        )) && words.contains(&format!(
            "your thank-you to {other_name}, left for later, stays on disk but will not open: a thank-you follows an accept, and they are not accepted now (a accepts)"
        )),
        "{words:#?}"
    );
    assert!(!words.iter().any(|w| w.contains("offers")), "{words:#?}");
    drop(app);

    let app = sample_app(dir.path());
    assert_eq!(app.mode, Mode::List, "no composer opens");
    assert!(app.composer.is_none());
    let decision = |id| app.journal.state(id).and_then(|e| e.decision());
    assert_eq!(decision(who), Some(Decision::Accepted));
    assert_eq!(decision(other), Some(Decision::Ignored));
    assert!(app.journal.unsaved(who, DraftKind::Reply).is_some());
    assert!(app.journal.unsaved(other, DraftKind::ThankYou).is_some());
    let waits = |what: &str, whom: &str| {
        app.notices.iter().any(|n| {
            n.starts_with(&format!("Your unsaved {what} to {whom} ("))
                && n.contains(") waits on disk, not opened: ")
        })
    };
    assert!(waits("reply", &name), "{:?}", app.notices);
    assert!(waits("thank-you", &other_name), "{:?}", app.notices);
    let status = status_text(&app);
    assert!(status.starts_with("Your unsaved "), "{status}");
    assert!(status.ends_with(" notes: ? shows them"), "{status}");
    assert!(
        app.notices.iter().any(|n| n.contains(
            "not opened: a reply is instead of accepting, and they are accepted now (r on their row asks to reply instead)"
        )),
        "{:?}",
        app.notices
    );
}

/// A reply left for later, then an accept: `u` undoes the accept only
/// while it is the newest step, and the notes name it only then; after a
/// step on someone else (which `u` would undo instead), they name `r`,
/// which on an accepted row asks, and pressed again opens the reply, to
/// save over the accept. Each way named works.
#[test]
fn a_reply_left_for_later_then_accepted_names_a_way_that_works() {
    use invitriage::journal::DraftKind;
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let who = app.current().unwrap().id;
    let name = current_name(&app);
    app.update(Action::Reply);
    type_and_leave_for_later(&mut app, 'x');
    go_to(&mut app, who);
    app.update(Action::Accept);
    let why = |route: &str| {
        format!("a reply is instead of accepting, and they are accepted now ({route})")
    };
    let waits = |route: &str| {
        format!(
            "your reply to {name}, left for later, stays on disk but will not open: {}",
            why(route)
        )
    };
    let undo = "u undoes the accept";
    let twice = "r on their row asks to reply instead";
    assert_eq!(leave(&mut app), [waits(undo)]);
    drop(app);

    // The accept still the newest step, the next start names u, and u
    // then r opens the words.
    let mut app = sample_app(dir.path());
    let noted = |app: &App, route: &str| {
        app.notices.iter().any(|n| {
            n.starts_with(&format!("Your unsaved reply to {name} ("))
                && n.ends_with(&format!(") waits on disk, not opened: {}", why(route)))
        })
    };
    assert!(noted(&app, undo), "{:?}", app.notices);
    app.update(Action::Undo);
    assert_eq!(
        status_text(&app),
        format!("Undid accept: {name} · r opens your reply left for later")
    );
    assert_eq!(app.current().unwrap().id, who);
    app.update(Action::Reply);
    assert_eq!(app.mode, Mode::Compose, "{}", status_text(&app));
    assert!(app.composer.as_ref().unwrap().text().contains('x'));
    type_and_leave_for_later(&mut app, 'y');
    go_to(&mut app, who);
    app.update(Action::Accept);
    // A step on someone else since: u would undo it, not the accept.
    let other = app.current().unwrap().id;
    assert_ne!(other, who);
    app.update(Action::Reply);
    app.update(Action::ComposeKey(key('z')));
    app.update(Action::ComposeSave);
    assert_eq!(leave(&mut app), [waits(twice)]);
    drop(app);

    let mut app = sample_app(dir.path());
    assert!(noted(&app, twice), "{:?}", app.notices);
    let decision = |app: &App, id| app.journal.state(id).and_then(|e| e.decision());
    go_to(&mut app, who);
    let out = screen(&app, 120, 40);
    assert!(
        out.contains(
            "reply left for later, not saved · r twice opens it, to reply instead of accepting"
        ),
        "{out}"
    );
    app.update(Action::Reply);
    assert_eq!(app.mode, Mode::List);
    assert_eq!(
        status_text(&app),
        "Accepted already: t writes a thank-you · reply instead of accepting? r again opens your reply left for later, and saving it marks them replied · any other key keeps the accept"
    );
    app.update(Action::Reply);
    assert_eq!(app.mode, Mode::Compose);
    let text = app.composer.as_ref().unwrap().text();
    assert!(text.contains('x') && text.contains('y'), "{text}");
    assert_eq!(
        status_text(&app),
        format!(
            "Replying to {name} instead of accepting: Ctrl-S saves the reply and marks them replied, not accepted"
        )
    );
    assert!(matches!(
        app.update(Action::ComposeSave),
        Some(Effect::Copy { label, .. })
            if label == format!("saved reply to {name} (marked replied, was accepted; u undoes)")
    ));
    assert_eq!(decision(&app, who), Some(Decision::Replied));
    assert!(app.journal.unsaved(who, DraftKind::Reply).is_none());
    // Undone, the accept is back; the other's reply stays.
    app.update(Action::Undo);
    assert_eq!(
        status_text(&app),
        format!("Undid reply draft: {name} (accepted again) · r twice brings its text back")
    );
    assert_eq!(decision(&app, who), Some(Decision::Accepted));
    assert_eq!(decision(&app, other), Some(Decision::Replied));
    app.update(Action::Reply);
    app.update(Action::Reply);
    assert!(app.composer.as_ref().unwrap().text().contains('y'));
    assert_eq!(
        status_text(&app),
        format!(
            "Replying to {name} instead of accepting: Ctrl-S saves the reply and marks them replied, not accepted · Your undone reply is back: Ctrl-S saves it again"
        )
    );
}

/// `r` on an accepted row asks; the thank-you key it names writes a
/// thank-you, any other key keeps the accept and does nothing more (a
/// `j` meant as "no" does not move on). A reply opened over the accept
/// and left for later, or open at quitting, is said not to open at the
/// next start.
#[test]
fn a_reply_over_an_accept_is_asked_for() {
    use invitriage::journal::DraftKind;
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let who = app.current().unwrap().id;
    let name = current_name(&app);
    app.update(Action::Accept);
    go_to(&mut app, who);
    app.update(Action::Reply);
    assert!(status_text(&app).starts_with("Accepted already: "));
    // A question is shown whole on the smallest screen, the answers at its
    // end too.
    app.update(Action::Resize(60, 15));
    let out = screen(&app, 60, 15);
    assert!(
        row_text(&app, 60, 15, 14).ends_with("any other key keeps the accept"),
        "{out}"
    );
    app.update(Action::Resize(80, 24));
    app.update(Action::Down);
    assert_eq!(status_text(&app), "Not replying: the accept stays");
    // With no key for the thank-you, the question names none.
    {
        use invitriage::config::KeyBinding;
        let keys = [("thank_you".to_string(), KeyBinding::Many(vec![]))].into();
        let saved = std::mem::replace(&mut app.keymap, Keymap::new(&keys).unwrap());
        app.update(Action::Reply);
        assert!(
            status_text(&app).starts_with("Accepted already · reply instead of accepting? r again"),
            "{}",
            status_text(&app)
        );
        app.update(Action::Down);
        app.keymap = saved;
    }
    assert_eq!(app.current().unwrap().id, who);
    assert_eq!(app.mode, Mode::List);
    // Answered, the question is gone: r asks again.
    app.update(Action::Reply);
    assert_eq!(app.mode, Mode::List);
    app.update(Action::ThankYou);
    assert_eq!(app.mode, Mode::Compose);
    assert_eq!(app.composer.as_ref().unwrap().kind(), DraftKind::ThankYou);
    app.update(Action::Cancel);
    assert_eq!(app.mode, Mode::List);
    // Opened over the accept and left for later.
    app.update(Action::Reply);
    app.update(Action::Reply);
    assert_eq!(app.composer.as_ref().unwrap().kind(), DraftKind::Reply);
    let out = screen(&app, 120, 40);
    assert!(
        out.contains(&format!(" Reply to {name} instead of accepting ")),
        "{out}"
    );
    type_and_leave_for_later(&mut app, 'x');
    assert_eq!(
        status_text(&app),
        format!(
            "Left your reply to {name} for later, not saved; the next start will not open it: a reply is instead of accepting, and they are accepted now (u undoes the accept)"
        )
    );
    // Too long for the smallest screen, it keeps the way back in sight.
    app.update(Action::Resize(60, 15));
    let out = screen(&app, 60, 15);
    assert_eq!(
        row_text(&app, 60, 15, 14),
        " and they are accepted now (u undoes the accept)",
        "{out}"
    );
    app.update(Action::Resize(80, 24));
    assert_eq!(
        app.journal.state(who).and_then(|e| e.decision()),
        Some(Decision::Accepted)
    );
    // Open at quitting.
    app.update(Action::Reply);
    app.update(Action::Reply);
    app.update(Action::ComposeKey(key('w')));
    assert_eq!(
        leave(&mut app),
        [format!(
            "your reply to {name} is kept, not saved, but the next start will not open it: a reply is instead of accepting, and they are accepted now (u undoes the accept)"
        )]
    );
}

/// A thank-you left for later, then ignored, then a step on someone
/// else: what the notes name, `a`, works whatever came after (it is a new
/// step, not an undo), and `t` then opens the words.
#[test]
fn a_thank_you_left_for_later_then_ignored_opens_after_an_accept() {
    use invitriage::journal::DraftKind;
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let who = app.current().unwrap().id;
    let name = current_name(&app);
    app.update(Action::Accept);
    go_to(&mut app, who);
    app.update(Action::ThankYou);
    type_and_leave_for_later(&mut app, 'x');
    app.update(Action::Ignore);
    // The cursor moved on: a step on someone else.
    assert_ne!(app.current().unwrap().id, who);
    app.update(Action::Accept);
    assert_eq!(
        leave(&mut app),
        [format!(
            "your thank-you to {name}, left for later, stays on disk but will not open: a thank-you follows an accept, and they are not accepted now (a accepts)"
        )]
    );
    drop(app);
    let mut app = sample_app(dir.path());
    go_to(&mut app, who);
    app.update(Action::Accept);
    app.update(Action::ThankYou);
    assert_eq!(app.mode, Mode::Compose, "{}", status_text(&app));
    let c = app.composer.as_ref().unwrap();
    assert_eq!(c.kind(), DraftKind::ThankYou);
    assert!(c.text().contains('x'));
    assert_eq!(app.invitations[c.index as usize].id, who);
}

/// After a template replaced the user's words (Ctrl-U has them), `l` has
/// nothing of theirs to keep: it says how to get them back, and closes
/// nothing.
#[test]
fn leaving_a_template_for_later_says_where_the_words_are() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Reply);
    for c in "my own words".chars() {
        app.update(Action::ComposeKey(key(c)));
    }
    app.update(Action::ComposeTemplate(1));
    app.update(Action::ComposeKey(key('y')));
    assert!(
        !app.composer
            .as_ref()
            .unwrap()
            .text()
            .contains("my own words")
    );
    app.update(Action::Cancel);
    assert!(
        status_text(&app).starts_with("Discard this draft?"),
        "{}",
        status_text(&app)
    );
    app.update(Action::ComposeKey(key('l')));
    assert_eq!(app.mode, Mode::Compose);
    assert_eq!(
        status_text(&app),
        "Only a template is on screen: Ctrl-U brings your words back, then Esc, l leaves them for later"
    );
    app.update(Action::ComposeKey(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    assert!(
        app.composer
            .as_ref()
            .unwrap()
            .text()
            .contains("my own words")
    );
}

/// Words added to an undone draft are not in the journal: Esc says that
/// closing would lose them, and l keeps them for later.
#[test]
fn changes_to_an_undone_draft_can_be_left_for_later() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let who = app.current().unwrap().id;
    app.update(Action::Reply);
    app.update(Action::ComposeKey(key('!')));
    app.update(Action::ComposeSave);
    app.update(Action::Undo);
    go_to(&mut app, who);
    app.update(Action::Reply);
    assert_eq!(
        status_text(&app),
        "Your undone reply is back: Ctrl-S saves it again"
    );
    // Unchanged, closing loses nothing: the journal offers it again.
    app.update(Action::Cancel);
    assert!(
        status_text(&app).starts_with("Close this draft? As an undone one, r offers it again"),
        "{}",
        status_text(&app)
    );
    app.update(Action::Cancel);
    app.update(Action::ComposeKey(key('?')));
    app.update(Action::Cancel);
    assert!(
        status_text(&app).starts_with(
            "Close this draft? Your changes since the undo would go (r offers the undone reply again) · y closes it · l leaves it for later with them"
        ),
        "{}",
        status_text(&app)
    );
    app.update(Action::ComposeKey(key('l')));
    assert_eq!(app.mode, Mode::List, "{}", status_text(&app));
    go_to(&mut app, who);
    app.update(Action::Reply);
    let text = app.composer.as_ref().unwrap().text();
    assert!(text.contains('!') && text.contains('?'), "{text}");
}

/// At 60 columns the discard question takes two lines: the composer's box
/// gives up a row for it and keeps its bottom border and count.
#[test]
fn the_discard_question_leaves_the_composer_its_border_and_count() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Resize(60, 15));
    app.update(Action::Reply);
    app.update(Action::ComposeKey(key('x')));
    app.update(Action::Cancel);
    let s = screen(&app, 60, 15);
    let rows: Vec<&str> = s.lines().collect();
    assert!(rows[13].contains("Discard this draft?"), "{s}");
    assert!(rows[14].contains("saves it"), "two lines: {s}");
    // The row above the question is the box's foot, with the count.
    assert!(rows[12].contains('╰'), "{s}");
    assert!(rows[12].contains(" chars ╯"), "{s}");
}

#[test]
fn editor_failure_keeps_the_draft() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Reply);
    let before = app.composer.as_ref().unwrap().text();
    assert_eq!(
        app.update(Action::ComposeEditor),
        Some(Effect::Editor {
            text: before.clone(),
            keep_in: Some(app.journal.editing_file(
                app.current().unwrap().id,
                invitriage::journal::DraftKind::Reply
            )),
        })
    );
    app.update(Action::EditorDone(Err(
        "The editor `nano` exited with 1".into()
    )));
    assert_eq!(app.composer.as_ref().unwrap().text(), before);
    assert!(app.status.as_ref().unwrap().error);
    // Left without a change (`:q!`): nothing is said to be taken back.
    app.update(Action::EditorDone(Ok(format!("{before}\n").into())));
    assert_eq!(app.composer.as_ref().unwrap().text(), before);
    assert_eq!(status_text(&app), "The editor left the draft as it was");
    app.update(Action::EditorDone(Ok("Edited\u{1b}[1m elsewhere\n".into())));
    assert_eq!(
        app.composer.as_ref().unwrap().text(),
        "Edited elsewhere",
        "without the escape sequence the editor's file held"
    );
    assert_eq!(
        status_text(&app),
        "Took the text back from the editor · Ctrl-S saves"
    );
    // An editor that failed after writing: its words are taken, with a
    // word to check them, and kept on disk as the unsaved draft.
    app.update(Action::EditorDone(Ok(invitriage::tui::editor::Edited {
        text: "Written, then the editor failed\n".into(),
        warning: Some(
            "Took the editor's text back, though it failed (exit status: 1): check it".into(),
        ),
        elsewhere: None,
    })));
    assert_eq!(
        app.composer.as_ref().unwrap().text(),
        "Written, then the editor failed"
    );
    assert!(app.status.as_ref().unwrap().error);
    assert!(
        status_text(&app).ends_with("check it · Ctrl-U puts your draft back, Ctrl-S saves this"),
        "{}",
        status_text(&app)
    );
    let id = app.invitations[app.composer.as_ref().unwrap().index as usize].id;
    assert_eq!(
        app.journal
            .unsaved(id, invitriage::journal::DraftKind::Reply)
            .map(|u| u.text.as_str()),
        Some("Written, then the editor failed")
    );
    // One Ctrl-U puts the draft from before the editor back, whole (it
    // used to take two, with an empty draft between); Ctrl-R redoes it.
    let ctrl = |c| Action::ComposeKey(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    app.update(ctrl('u'));
    assert_eq!(app.composer.as_ref().unwrap().text(), "Edited elsewhere");
    app.update(ctrl('r'));
    assert_eq!(
        app.composer.as_ref().unwrap().text(),
        "Written, then the editor failed"
    );
}

#[test]
fn templates_switch_and_follow_the_group() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Reply);
    assert_eq!(
        app.composer.as_ref().unwrap().template,
        2,
        "customised template for a customised note"
    );
    app.update(Action::ComposeNextTemplate);
    assert_eq!(
        app.composer.as_ref().unwrap().template,
        0,
        "past the thank-you, which is not a reply"
    );
    app.update(Action::ComposeTemplate(3));
    assert_eq!(
        status_text(&app),
        "There is no reply template 4 (there are 3)"
    );
    app.update(Action::ComposeTemplate(0));
    assert!(
        app.composer
            .as_ref()
            .unwrap()
            .text()
            .contains("Since we don't know each other")
    );
    app.update(Action::ComposeTemplate(9));
    assert!(app.status.as_ref().unwrap().error);
    // The template on screen again: nothing to replace, and no empty step
    // for Ctrl-U (it took two to get back to the template before).
    let undo_before = app.composer.as_ref().unwrap().can_undo();
    app.update(Action::ComposeTemplate(0));
    assert!(
        status_text(&app).starts_with("Template ")
            && status_text(&app).ends_with(" is the one on screen"),
        "{}",
        status_text(&app)
    );
    assert_eq!(app.composer.as_ref().unwrap().can_undo(), undo_before);
    // Edits are not replaced at the first template key.
    app.update(Action::ComposeKey(key('!')));
    let edited = app.composer.as_ref().unwrap().text();
    app.update(Action::ComposeTemplate(3));
    assert!(
        status_text(&app).starts_with("There is no reply template 4"),
        "refused before anything is asked: {:?}",
        app.status
    );
    app.update(Action::ComposeNextTemplate);
    assert_eq!(app.composer.as_ref().unwrap().text(), edited);
    assert_eq!(app.composer.as_ref().unwrap().template, 0);
    assert_eq!(
        status_text(&app),
        "Replace your words with a template? y or a template key again replaces them · any other key keeps them"
    );
    app.update(Action::ComposeNextTemplate);
    assert_eq!(app.composer.as_ref().unwrap().template, 1, "asked once");
    assert_ne!(app.composer.as_ref().unwrap().text(), edited);
    app.update(Action::ComposeKey(key('!')));
    app.update(Action::ComposeTemplate(2));
    assert!(
        status_text(&app).starts_with("Replace your words"),
        "{:?}",
        app.status
    );
    // The two questions do not answer each other: Esc keeps the words, and
    // is not a first step to discarding them.
    let edited = app.composer.as_ref().unwrap().text();
    app.update(Action::Cancel);
    assert_eq!(status_text(&app), "Kept your words");
    assert_eq!(app.composer.as_ref().unwrap().text(), edited);
    app.update(Action::Cancel);
    assert!(status_text(&app).starts_with("Discard this draft?"));
    app.update(Action::ComposeTemplate(2));
    assert_eq!(app.composer.as_ref().unwrap().text(), edited, "asked again");
    app.update(Action::Cancel);
    assert_eq!(app.mode, Mode::Compose, "asked again");
    assert_eq!(status_text(&app), "Kept your words");
    app.update(Action::ComposeKey(key('?')));
    app.update(Action::ComposeTemplate(2));
    assert_eq!(
        app.composer.as_ref().unwrap().template,
        1,
        "typing in between asks again"
    );
    app.update(Action::Cancel);
    app.update(Action::Cancel);
    app.update(Action::ComposeKey(key('y')));
    assert_eq!(app.mode, Mode::List);
    app.update(Action::Tab(Tab::Default));
    app.update(Action::Reply);
    assert_eq!(
        app.composer.as_ref().unwrap().template,
        0,
        "stranger template for a default note"
    );
}

/// The key that answers a question in the composer is not typed: "n" to
/// "Replace your words…?" or "Discard this draft?" leaves no stray "n".
#[test]
fn a_key_answering_a_composer_question_is_not_typed() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Reply);
    app.update(Action::ComposeKey(key('!')));
    let edited = app.composer.as_ref().unwrap().text();
    app.update(Action::ComposeNextTemplate);
    assert!(status_text(&app).starts_with("Replace your words"));
    app.update(Action::ComposeKey(key('n')));
    assert_eq!(app.composer.as_ref().unwrap().text(), edited);
    assert_eq!(status_text(&app), "Kept your words; type on");
    app.update(Action::Cancel);
    assert!(status_text(&app).starts_with("Discard this draft?"));
    app.update(Action::ComposeKey(key('x')));
    assert_eq!(app.composer.as_ref().unwrap().text(), edited);
    assert_eq!(status_text(&app), "Kept the draft; type on");
    // With no question open, the key is typed again.
    app.update(Action::ComposeKey(key('n')));
    assert_eq!(
        app.composer.as_ref().unwrap().text().len(),
        edited.len() + 1
    );
    // Saved, opened again and changed: Esc drops the changes only.
    app.update(Action::ComposeSave);
    app.update(Action::Up);
    app.update(Action::Reply);
    let ctrl_u = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL);
    app.update(Action::ComposeKey(ctrl_u));
    assert_eq!(status_text(&app), "Nothing to undo in this draft");
    // y answers yes: the template asked about replaces the words, and
    // the draft is discarded.
    app.update(Action::ComposeKey(key('?')));
    let template = app.composer.as_ref().unwrap().template;
    app.update(Action::ComposeNextTemplate);
    app.update(Action::ComposeKey(key('y')));
    let c = app.composer.as_ref().unwrap();
    assert_ne!(c.template, template, "switched");
    assert!(!c.changed(), "the template's own text, no stray y");
    app.update(Action::ComposeKey(key('!')));
    app.update(Action::Cancel);
    app.update(Action::ComposeKey(key('y')));
    assert_eq!(app.mode, Mode::List, "discarded");
    app.update(Action::Reply);
    app.update(Action::ComposeKey(key('!')));
    discard_over_saved_draft(&mut app);
}

#[test]
fn thank_you_follows_an_accept_and_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::ThankYou);
    assert_eq!(app.mode, Mode::List, "not before an accept");
    app.update(Action::Accept);
    app.update(Action::Up);
    app.update(Action::ThankYou);
    assert_eq!(app.mode, Mode::Compose);
    assert!(
        app.composer
            .as_ref()
            .unwrap()
            .text()
            .contains("Thanks for connecting")
    );
    let name = current_name(&app);
    assert!(matches!(
        app.update(Action::ComposeSave),
        Some(Effect::Copy { label, .. }) if label == format!("saved thank-you to {name}")
    ));
    let id = app.current().unwrap().id;
    let entry = app.journal.state(id).unwrap();
    assert_eq!(entry.decision(), Some(Decision::Accepted));
    assert!(entry.thank_you.is_some());
    assert!(matches!(
        app.update(Action::CopyDraft),
        Some(Effect::Copy { text, .. }) if text.contains("Thanks for connecting")
    ));
    // A reply is instead of accepting: on an accepted row it asks first,
    // pointing at the thank-you; another key keeps the accept.
    app.update(Action::Reply);
    assert_eq!(app.mode, Mode::List);
    assert_eq!(
        status_text(&app),
        "Accepted already: t writes a thank-you · reply instead of accepting? r again opens a reply, and saving it marks them replied · any other key keeps the accept"
    );
    app.update(Action::Down);
    assert_eq!(status_text(&app), "Not replying: the accept stays");
    assert_eq!(app.current().unwrap().id, id);
    // A reply drafted first, then accepted after all: `c` copies the
    // later draft; at the same second (the pinned clock), the thank-you.
    app.update(Action::Down);
    let other = app.current().unwrap().id;
    app.update(Action::Reply);
    app.update(Action::ComposeKey(key('x')));
    app.update(Action::ComposeSave);
    app.update(Action::Up);
    assert_eq!(app.current().unwrap().id, other);
    app.update(Action::Accept);
    app.update(Action::Up);
    assert_eq!(app.current().unwrap().id, other);
    app.update(Action::ThankYou);
    app.update(Action::ComposeSave);
    assert!(app.journal.state(other).unwrap().reply.is_some());
    assert!(matches!(
        app.update(Action::CopyDraft),
        Some(Effect::Copy { text, .. }) if text.contains("Thanks for connecting")
    ));
    // The farewell counts the thank-yous (they change no decision).
    let farewell = app.farewell().unwrap();
    assert!(
        farewell.starts_with("2 decided and 2 thank-yous saved this session;"),
        "{farewell}"
    );
    drop(app);
    // A run that only thanks someone says so on leaving too; one undone
    // is not counted.
    let mut app = sample_app(dir.path());
    assert_eq!(app.farewell(), None);
    app.update(Action::CycleFilter);
    assert_eq!(app.filter, Filter::Accepted);
    app.update(Action::ThankYou);
    app.update(Action::ComposeKey(key('!')));
    app.update(Action::ComposeSave);
    let farewell = app.farewell().unwrap();
    assert!(
        farewell.starts_with("1 thank-you saved this session;"),
        "{farewell}"
    );
    app.update(Action::Undo);
    assert_eq!(app.farewell(), None);
}

// ---- screens -------------------------------------------------------------

#[test]
fn snapshot_list_with_detail() {
    let dir = tempfile::tempdir().unwrap();
    let app = sample_app(dir.path());
    insta::assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn snapshot_each_tab() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Accept);
    for t in &Tab::ALL[1..] {
        app.update(Action::Tab(*t));
        insta::assert_snapshot!(format!("tab_{}", t.index()), screen(&app, 80, 24));
    }
}

/// A message longer than the footer takes the lines above it, so its end
/// (here, what another key does) is not cut off; the next key gives them
/// back.
#[test]
fn a_long_status_wraps_over_the_lines_above_the_footer() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Accept);
    app.update(Action::Up);
    app.update(Action::Reply);
    assert!(status_text(&app).starts_with("Accepted already"));
    let shown = screen(&app, 80, 24);
    insta::assert_snapshot!(shown);
    assert!(row_text(&app, 80, 24, 23).ends_with(" accept"), "{shown}");
    // At 60 columns too it ends whole.
    app.update(Action::Resize(60, 24));
    let narrow = screen(&app, 60, 24);
    assert!(
        row_text(&app, 60, 24, 21).starts_with(" ! Accepted already"),
        "{narrow}"
    );
    assert!(row_text(&app, 60, 24, 23).ends_with("accept"), "{narrow}");
    app.update(Action::Down);
    app.update(Action::Resize(80, 24));
    let after = screen(&app, 80, 24);
    assert!(!after.contains("Accepted already"), "{after}");
    assert!(row_text(&app, 80, 24, 23).contains("accept"), "{after}");
}

/// A message too long for three lines ends in `…` on the third.
#[test]
fn a_status_too_long_for_three_lines_ends_in_an_ellipsis() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let words = "word ".repeat(60);
    app.update(Action::Status(words.trim_end().to_string(), false));
    let buf = screen(&app, 60, 24);
    app.update(Action::Resize(60, 24));
    assert!(!row_text(&app, 60, 24, 20).contains("word"), "{buf}");
    for y in 21..24 {
        assert!(row_text(&app, 60, 24, y).starts_with(" word"), "{buf}");
    }
    assert!(row_text(&app, 60, 24, 23).ends_with("word …"), "{buf}");
}

#[test]
fn snapshot_wide_side_by_side() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Resize(150, 30));
    insta::assert_snapshot!(screen(&app, 150, 30));
}

#[test]
fn snapshot_help_overlay() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Help);
    insta::assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn snapshot_stats_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Accept);
    app.update(Action::Ignore);
    app.update(Action::Stats);
    insta::assert_snapshot!(screen(&app, 80, 24));
}

/// Months that tie for the most are not passed over in silence.
#[test]
fn the_stats_screen_counts_months_that_tie_for_busiest() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_from_csv(
        "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n\
         Ann Lee,Colleen Ruiz,\"9/21/26, 4:02 PM\",,INCOMING,https://www.linkedin.com/in/ann,https://www.linkedin.com/in/colleen\n\
         Bo Park,Colleen Ruiz,\"10/21/26, 4:02 PM\",,INCOMING,https://www.linkedin.com/in/bo,https://www.linkedin.com/in/colleen\n\
         Cy Dunn,Colleen Ruiz,\"11/21/26, 4:02 PM\",,INCOMING,https://www.linkedin.com/in/cy,https://www.linkedin.com/in/colleen\n",
        &dir,
    );
    app.update(Action::Stats);
    let out = screen(&app, 80, 24);
    assert!(
        out.contains("busiest: Nov 2026 and 2 more months, 1 each"),
        "{out}"
    );
}

#[test]
fn snapshot_bulk_confirmation() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Tab(Tab::Default));
    app.update(Action::IgnoreMarked);
    insta::assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn snapshot_search() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Tab(Tab::All));
    app.update(Action::Search);
    type_query(&mut app, "webinar");
    insta::assert_snapshot!(screen(&app, 80, 24));
}

/// The cursor moved back into the query: the typing goes in before `nar`.
#[test]
fn snapshot_search_cursor_in_the_middle() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Tab(Tab::All));
    app.update(Action::Search);
    type_query(&mut app, "webinar");
    for _ in 0..3 {
        app.update(Action::SearchEdit(LineEdit::Left));
    }
    insta::assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn snapshot_composer() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Tab(Tab::Default));
    app.update(Action::Reply);
    insta::assert_snapshot!(screen(&app, 80, 24));
}

/// A long note in the composer wraps with its indent and is cut with a
/// word about it, not silently; the header keeps the marks apart from the
/// filter however narrow the screen.
#[test]
fn narrow_composer_wraps_their_note_and_says_when_it_is_cut() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Mark);
    let out = screen(&app, 60, 20);
    assert!(out.contains(" 1 marked · 2 of 13 · undecided "), "{out}");
    // All five tabs, short, rather than the long titles cut off.
    assert!(
        out.contains("1 cust 13") && out.contains("5 sent 20"),
        "{out}"
    );
    // Marking moved on to the next one; Kenji's is the first.
    app.update(Action::Up);
    app.update(Action::Reply);
    let out = screen(&app, 60, 20);
    // Kenji's note is six rows at this width; a third of the body is five.
    assert!(
        out.contains("wrote (customised) · first 5 of 6 lines"),
        "{out}"
    );
    assert!(
        out.contains("\" both rebuilding carrier scorecards"),
        "{out}"
    );
    // The footer has no room for every key: the way out stays.
    let footer = out.lines().last().unwrap();
    assert!(footer.contains("Esc leave"), "{footer}");
    insta::assert_snapshot!(out);
}

/// A note longer than the detail pane says so and scrolls with J/K, within
/// what it hides; the next invitation shows from its top.
#[test]
fn detail_pane_says_what_it_hides_and_scrolls() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Resize(60, 15));
    let out = screen(&app, 60, 15);
    assert!(out.contains("… 6 more lines · J scrolls"), "{out}");
    for _ in 0..3 {
        app.update(Action::DetailDown);
    }
    let out = screen(&app, 60, 15);
    assert!(out.contains("… 3 more lines · J scrolls"), "{out}");
    assert!(out.contains("the one at Halvorsen Foods."), "{out}");
    assert!(
        !out.contains("Kenji Jankowski · sent"),
        "scrolled past the head: {out}"
    );
    for _ in 0..10 {
        app.update(Action::DetailDown);
    }
    let out = screen(&app, 60, 15);
    assert!(out.contains("end of the note · K scrolls back"), "{out}");
    assert!(out.contains("Best, Kenji"), "{out}");
    // Scrolling stopped at the end: one K shows one line more below.
    app.update(Action::DetailUp);
    assert!(screen(&app, 60, 15).contains("… 1 more line · J scrolls"));
    app.update(Action::Down);
    let out = screen(&app, 60, 15);
    assert!(out.contains("Tamsin Ramos · sent"), "{out}");
    // A note that fits does not scroll.
    app.update(Action::Tab(Tab::Sent));
    app.update(Action::DetailDown);
    assert_eq!(status_text(&app), "The whole note is shown");
}

/// Ctrl-D and Ctrl-U scroll the note half the rows the pane shows, as in
/// less and vim; J and K a line.
#[test]
fn ctrl_d_and_ctrl_u_scroll_the_note_half_a_pane() {
    let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let key_action = |app: &App, ev: KeyEvent| {
        invitriage::tui::keys::action_for(&app.keymap, app.key_context(), &ev).unwrap()
    };
    // At 60×15 the pane shows six rows of the note, and a seventh says
    // there are more: half is three.
    app.update(Action::Resize(60, 15));
    assert!(screen(&app, 60, 15).contains("… 6 more lines · J scrolls"));
    app.update(key_action(&app, ctrl('d')));
    assert_eq!(app.detail_scroll(), 3);
    assert!(screen(&app, 60, 15).contains("… 3 more lines · J scrolls"));
    app.update(key_action(&app, key('J')));
    assert_eq!(app.detail_scroll(), 4);
    // Not past the end, and back to the top.
    app.update(key_action(&app, ctrl('d')));
    assert_eq!(app.detail_scroll(), 6);
    assert!(screen(&app, 60, 15).contains("end of the note · K scrolls back"));
    app.update(key_action(&app, ctrl('u')));
    assert_eq!(app.detail_scroll(), 3);
    app.update(key_action(&app, key('K')));
    assert_eq!(app.detail_scroll(), 2);
    app.update(key_action(&app, ctrl('u')));
    assert_eq!(app.detail_scroll(), 0);
    assert_eq!(view::detail_half(&app), 3);
    // A taller pane, a longer half: 80×24 shows nine rows of the note.
    app.update(Action::Resize(80, 24));
    assert_eq!(view::detail_half(&app), 4);
}

/// A status message of two or three lines takes the detail pane's last
/// rows: the pane gives them up, and still says what it hides below.
#[test]
fn a_wrapped_status_leaves_the_detail_pane_its_more_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Resize(60, 15));
    app.update(Action::Status(
        "A fictional sample · open yours: invitriage ~/Downloads/Invitations.csv · ? help".into(),
        false,
    ));
    let out = screen(&app, 60, 15);
    assert!(
        out.contains(" ~/Downloads/Invitations.csv · ? help"),
        "{out}"
    );
    assert!(
        row_text(&app, 60, 15, 12).starts_with("… 7 more lines · J scrolls"),
        "{out}"
    );
    insta::assert_snapshot!(out);
    // Scrolled to the end, a longer message (cut to two lines on a
    // terminal this short) hides one more row: the pane says so.
    for _ in 0..20 {
        app.update(Action::DetailDown);
    }
    assert!(screen(&app, 60, 15).contains("end of the note · K scrolls back"));
    app.update(Action::Status("word ".repeat(30).trim_end().into(), false));
    let out = screen(&app, 60, 15);
    assert!(
        row_text(&app, 60, 15, 12).starts_with("Kenji Jankowski · … 1 more line · J scrolls"),
        "scrolled, the name line is out of sight: this one names whose note it is: {out}"
    );
    assert!(row_text(&app, 60, 15, 14).ends_with('…'), "{out}");
    // From 20 rows, a message takes up to three lines.
    app.update(Action::Resize(60, 20));
    let out = screen(&app, 60, 20);
    for row in 17..20 {
        assert!(row_text(&app, 60, 20, row).starts_with(" word"), "{out}");
    }
    assert!(
        row_text(&app, 60, 20, 16).starts_with("Kenji Jankowski · … 1 more line · J scrolls"),
        "{out}"
    );
}

/// At 60×15, saving a reply says so in a long status (with the clipboard
/// hint), and the next invitation's pane still shows its note.
#[test]
fn a_long_status_on_a_short_terminal_leaves_a_line_of_the_note() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Resize(60, 15));
    app.update(Action::Status(
        "Copied the saved reply to Kenji Jankowski (marked replied; u undoes) · won't paste? tmux: set -g set-clipboard on (OSC 52)".into(),
        false,
    ));
    let out = screen(&app, 60, 15);
    assert_eq!(
        row_text(&app, 60, 15, 11).trim_end(),
        "Hi Colleen,",
        "{out}"
    );
    assert!(
        row_text(&app, 60, 15, 12).starts_with("… 7 more lines"),
        "{out}"
    );
    assert!(row_text(&app, 60, 15, 14).ends_with('…'), "{out}");
}

/// A name or a note is found as a keyboard without its accents types it.
#[test]
fn search_finds_text_without_its_accents() {
    let csv = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n\
        Ann Lee,Colleen Ruiz,\"11/21/26, 9:00 AM\",,INCOMING,https://www.linkedin.com/in/ann,https://www.linkedin.com/in/colleen\n\
        Łukasz Wiśniewski,Colleen Ruiz,\"11/20/26, 9:00 AM\",,INCOMING,https://www.linkedin.com/in/lw,https://www.linkedin.com/in/colleen\n";
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_from_csv(csv, &dir);
    app.update(Action::Tab(Tab::All));
    app.update(Action::Search);
    type_query(&mut app, "lukasz wis");
    assert_eq!(current_name(&app), "Łukasz Wiśniewski");
    app.update(Action::SearchSubmit);
    assert_eq!(status_text(&app), "1 match for “lukasz wis”");
    // As the list shows a name: without zero-width characters, and
    // full-width letters as plain ones.
    let csv = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n\
        Ann Lee,Colleen Ruiz,\"11/21/26, 9:00 AM\",,INCOMING,https://www.linkedin.com/in/ann,https://www.linkedin.com/in/colleen\n\
        Zero\u{200b}Width ＦＵＬＬ,Colleen Ruiz,\"11/20/26, 9:00 AM\",,INCOMING,https://www.linkedin.com/in/zw,https://www.linkedin.com/in/colleen\n";
    for query in ["zerowidth", "full"] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_from_csv(csv, &dir);
        app.update(Action::Tab(Tab::All));
        app.update(Action::Search);
        type_query(&mut app, query);
        assert!(current_name(&app).starts_with("Zero"), "{query}");
    }
    // A note too; an accent typed alone is looked for as it is.
    let csv = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n\
        Ann Lee,Colleen Ruiz,\"11/21/26, 9:00 AM\",Hi,INCOMING,https://www.linkedin.com/in/ann,https://www.linkedin.com/in/colleen\n\
        Bo Li,Colleen Ruiz,\"11/20/26, 9:00 AM\",Trabajo en logística.  Viele Grüße,INCOMING,https://www.linkedin.com/in/bo,https://www.linkedin.com/in/colleen\n";
    for (query, found) in [
        ("logistica. viele", true),
        ("grusse", true),
        ("LOGÍSTICA", true),
        ("\u{301}", false),
        // An accent typed asks for that accent, not for any `e`.
        ("è", false),
        ("´", false),
        ("grüße", true),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_from_csv(csv, &dir);
        app.update(Action::Tab(Tab::All));
        app.update(Action::Search);
        type_query(&mut app, query);
        app.update(Action::SearchSubmit);
        let want = if found {
            format!("1 match for “{query}”")
        } else {
            format!("No match for “{query}” in this list")
        };
        assert_eq!(status_text(&app), want, "{query}");
    }
}

/// A name written with its accents apart from their letters (NFD, as
/// macOS writes it) is found by the name typed with them, as its note
/// is: `José` found only the José written composed.
#[test]
fn a_name_with_its_accents_apart_is_found_as_typed() {
    let csv = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n\
        Jose\u{301} Mun\u{303}oz,Colleen Ruiz,\"11/21/26, 9:00 AM\",Hi,INCOMING,https://www.linkedin.com/in/a,https://www.linkedin.com/in/colleen\n\
        Jos\u{e9} Mu\u{f1}oz,Colleen Ruiz,\"11/20/26, 9:00 AM\",Hi,INCOMING,https://www.linkedin.com/in/b,https://www.linkedin.com/in/colleen\n\
        Ann Lee,Colleen Ruiz,\"11/19/26, 9:00 AM\",Hi,INCOMING,https://www.linkedin.com/in/c,https://www.linkedin.com/in/colleen\n";
    for query in ["Jos\u{e9}", "Jose\u{301}", "mu\u{f1}oz", "jose"] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_from_csv(csv, &dir);
        app.update(Action::Tab(Tab::All));
        app.update(Action::Search);
        type_query(&mut app, query);
        app.update(Action::SearchSubmit);
        assert!(
            status_text(&app).starts_with("Match 1 of 2 for"),
            "{query}: {}",
            status_text(&app)
        );
    }
}

/// What the screen shows is found as it reads there: a note's line break
/// and runs of spaces as one space, a tab in a name as a space, and
/// without the invisible characters the screen drops.
#[test]
fn search_finds_text_as_the_screen_shows_it() {
    let csv = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n\
        Ann Lee,Colleen Ruiz,\"11/21/26, 9:00 AM\",,INCOMING,https://www.linkedin.com/in/ann,https://www.linkedin.com/in/colleen\n\
        Tab\tName,Colleen Ruiz,\"11/20/26, 9:00 AM\",\"Hi Colleen,\nWe met at the Chicago meetup.\n\nWould love to   talk   shop.\",INCOMING,https://www.linkedin.com/in/tn,https://www.linkedin.com/in/colleen\n\
        Bo Li,Colleen Ruiz,\"11/19/26, 9:00 AM\",zero\u{2060}width\u{ad}chars here,INCOMING,https://www.linkedin.com/in/bo,https://www.linkedin.com/in/colleen\n\
        Cy Ode,Colleen Ruiz,\"11/18/26, 9:00 AM\",Jose\u{301} and cafe\u{301} again,INCOMING,https://www.linkedin.com/in/cy,https://www.linkedin.com/in/colleen\n";
    for (query, who) in [
        ("tab name", "Tab"),
        ("meetup. would", "Tab"),
        ("to talk shop", "Tab"),
        ("to  talk", "Tab"),
        ("widthchars", "Bo Li"),
        ("josé and café", "Cy Ode"),
        ("jose\u{301} and", "Cy Ode"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_from_csv(csv, &dir);
        app.update(Action::Tab(Tab::All));
        app.update(Action::Search);
        type_query(&mut app, query);
        app.update(Action::SearchSubmit);
        assert!(
            current_name(&app).starts_with(who),
            "{query}: {}",
            current_name(&app)
        );
        assert_eq!(status_text(&app), format!("1 match for “{query}”"));
    }
}

/// A reply greets a titled sender by their name, not their title, and a
/// row without a name reads `(no name)` in the list and the composer.
#[test]
fn a_reply_greets_past_titles_and_a_missing_name_is_said() {
    let csv = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n\
        Dr. Jane Smith,Colleen Ruiz,\"11/21/26, 9:00 AM\",,INCOMING,https://www.linkedin.com/in/jane,https://www.linkedin.com/in/colleen\n\
        ,Colleen Ruiz,\"11/20/26, 9:00 AM\",,INCOMING,https://www.linkedin.com/in/anon,https://www.linkedin.com/in/colleen\n";
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_from_csv(csv, &dir);
    app.update(Action::Tab(Tab::All));
    app.update(Action::Reply);
    let text = app.composer.as_ref().unwrap().text();
    assert!(text.starts_with("Hi Jane,"), "{text}");
    app.update(Action::Cancel);
    app.update(Action::Down);
    assert!(screen(&app, 80, 24).contains("(no name)"));
    app.update(Action::Reply);
    let out = screen(&app, 80, 24);
    assert!(out.contains("Reply to (no name), don't accept"), "{out}");
    assert!(
        app.composer
            .as_ref()
            .unwrap()
            .text()
            .starts_with("Hi there,")
    );
}

/// The composer's title names the person as the draft's `{full_name}`
/// does (`DOE, JANE (she/her)`: Jane Doe), not as the export's cell; the
/// list and the note's header keep the cell, as the export has it.
#[test]
fn the_composer_title_names_the_person_as_a_greeting_would() {
    let csv = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n\
        \"DOE, JANE (she/her)\",Colleen Ruiz,\"11/21/26, 9:00 AM\",Hi Colleen,INCOMING,https://www.linkedin.com/in/jane,https://www.linkedin.com/in/colleen\n";
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_from_csv(csv, &dir);
    app.update(Action::Tab(Tab::All));
    let who = app.current().unwrap().id;
    assert!(screen(&app, 100, 30).contains("DOE, JANE (she/her)"));
    app.update(Action::Reply);
    let out = screen(&app, 100, 30);
    assert!(
        out.contains(" Reply to Jane Doe, don't accept yet "),
        "{out}"
    );
    assert!(out.contains("DOE, JANE (she/her) wrote"), "{out}");
    let text = app.composer.as_ref().unwrap().text();
    assert!(text.starts_with("Hi Jane,"), "{text}");
    app.update(Action::Cancel);
    app.update(Action::Accept);
    go_to(&mut app, who);
    app.update(Action::ThankYou);
    let out = screen(&app, 100, 30);
    assert!(out.contains(" Thank Jane Doe for connecting "), "{out}");
}

/// A name written family name first with the given name in capitals
/// (`MacLEOD, ANNA`) is named given name first; a cell whose letters are
/// no name (`, MBA`, `(she/her)`), which a greeting reads as "there", is
/// not shown raw in the title but as "(no name)".
#[test]
fn the_composer_title_reads_capitals_given_names_and_no_raw_cell() {
    for (from, title, greeting) in [
        (
            "MacLEOD, ANNA",
            " Reply to Anna MacLeod, don't accept yet ",
            "Hi Anna,",
        ),
        (
            "Doe, JANE",
            " Reply to Jane Doe, don't accept yet ",
            "Hi Jane,",
        ),
        (
            "Jane Doe [she/her]",
            " Reply to Jane Doe, don't accept yet ",
            "Hi Jane,",
        ),
        (
            ", MBA",
            " Reply to (no name), don't accept yet ",
            "Hi there,",
        ),
        (
            "(she/her)",
            " Reply to (no name), don't accept yet ",
            "Hi there,",
        ),
    ] {
        let csv = format!(
            "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n\
            \"{from}\",Colleen Ruiz,\"11/21/26, 9:00 AM\",Hi Colleen,INCOMING,https://www.linkedin.com/in/x,https://www.linkedin.com/in/colleen\n"
        );
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_from_csv(&csv, &dir);
        app.update(Action::Tab(Tab::All));
        app.update(Action::Reply);
        let out = screen(&app, 100, 30);
        assert!(out.contains(title), "{from}: {out}");
        let text = app.composer.as_ref().unwrap().text();
        assert!(text.starts_with(greeting), "{from}: {text}");
    }
}

/// An export of only sent invitations opens on them, and the empty tabs
/// say what they lack in the groups' own words.
#[test]
fn an_export_with_only_sent_invitations_opens_on_them() {
    let csv = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n\
        Colleen Ruiz,Sam Lee,\"11/20/26, 9:00 AM\",Hi Sam,OUTGOING,https://www.linkedin.com/in/colleen,https://www.linkedin.com/in/sam\n";
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_from_csv(csv, &dir);
    assert_eq!(app.current_tab(), Tab::Sent);
    assert!(screen(&app, 80, 24).contains("Sam Lee"));
    app.update(Action::Tab(Tab::All));
    let out = screen(&app, 80, 24);
    assert!(
        out.contains("Nobody has invited you in this export."),
        "{out}"
    );
    app.update(Action::Tab(Tab::GreetingOnly));
    let out = screen(&app, 80, 24);
    assert!(
        out.contains("No greeting-only invitations in this export."),
        "{out}"
    );
}

/// A note from loading (here: a journal whose last line was cut short) is
/// on the status line (said to be cut when it is: see
/// `a_note_from_loading_is_said_cut_only_when_it_is`), and the help shows
/// it wrapped.
#[test]
fn notes_from_loading_are_whole_in_the_help() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("journal.jsonl"), "{\"v\":1,\"id\":\"cut").unwrap();
    let mut app = sample_app(dir.path());
    let status = status_text(&app).to_owned();
    assert!(status.starts_with("A note: "), "{status}");
    app.update(Action::Help);
    let out = screen(&app, 80, 24);
    assert!(out.contains("Notes from loading"), "{out}");
    // The last words, after a path whose length wraps the lines anywhere.
    assert!(out.contains("journal.jsonl.torn"), "{out}");
}

/// The help names the `export` command for the export on the screen, with
/// its FILE (and options) as the run was given them: without the FILE it
/// would list the bundled sample's steps.
#[test]
fn the_help_names_the_export_command_for_this_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.export_command = "`invitriage export --format md 'my export.csv'`".into();
    app.update(Action::Help);
    let out = screen(&app, 100, 30);
    assert!(
        out.contains("md 'my export.csv'` lists each step."),
        "{out}"
    );
}

/// The status line says `?` shows a note from loading whole only when it
/// cuts the note short: a note it shows whole is not said to be cut.
#[test]
fn a_note_from_loading_is_said_cut_only_when_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let short = "Bo Li invited you again (you ignored them before): undecided again";
    let app = app_with_notes(Source::Sample, dir.path(), false, &[short]);
    let out = screen(&app, 80, 24);
    assert_eq!(
        row_text(&app, 80, 24, 23),
        format!(" A note: {short}"),
        "{out}"
    );
    assert!(!out.contains("shows it whole"), "{out}");
    // Two lines (the most on a terminal this short) do not hold this one
    // at 60 columns: it ends in `…`, and the line says where to read it
    // whole.
    let long = format!(
        "1 unreadable row skipped: line 3: {}",
        "a long reason why the row could not be read ".repeat(4)
    );
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_notes(Source::Sample, dir.path(), false, &[long.trim_end()]);
    app.update(Action::Resize(60, 15));
    let out = screen(&app, 60, 15);
    assert!(
        row_text(&app, 60, 15, 13).starts_with(" A note (? shows it whole): 1 unreadable"),
        "{out}"
    );
    assert!(row_text(&app, 60, 15, 14).ends_with('…'), "{out}");
    assert_eq!(
        row_text(&app, 60, 15, 11).trim_end(),
        "Hi Colleen,",
        "{out}"
    );
    // At 120 columns it fits, and is not said to be cut.
    app.update(Action::Resize(120, 15));
    let out = screen(&app, 120, 15);
    assert!(out.contains(" A note: 1 unreadable row skipped"), "{out}");
    assert!(!out.contains("shows it whole"), "{out}");
    // More than one note: the line shows the first, and says `?` shows all.
    let dir = tempfile::tempdir().unwrap();
    let app = app_with_notes(Source::Sample, dir.path(), false, &[short, short]);
    assert_eq!(
        status_text(&app),
        format!("2 notes (? shows them): {short}")
    );
}

#[test]
fn snapshot_too_small() {
    let dir = tempfile::tempdir().unwrap();
    let app = sample_app(dir.path());
    insta::assert_snapshot!(screen(&app, 40, 10));
}

#[test]
fn hostile_note_cannot_reach_the_terminal() {
    let csv = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n\
        \"Eve \u{1b}]0;owned\u{7}Mallory\",Colleen Ruiz,\"11/20/26, 9:00 AM\",\"We met at the summit \u{1b}[2J\u{1b}[H🚀🚀 日本語 \u{202e}reversed\u{7}\nsecond line\",INCOMING,https://www.linkedin.com/in/eve,https://www.linkedin.com/in/colleen\n";
    let dir = tempfile::tempdir().unwrap();
    let app = app_from_csv(csv, &dir);
    let out = screen(&app, 80, 24);
    assert!(!out.contains('\u{1b}'), "no ESC reaches the screen");
    assert!(!out.contains('\u{7}'));
    assert!(!out.contains('\u{202e}'));
    assert!(out.contains("🚀"));
    insta::assert_snapshot!(out);
}

/// `Hi Karen,` to Colleen: the group stays greeting-only, as the spec
/// says, and the detail pane points out the other name.
#[test]
fn a_note_that_greets_someone_else_is_pointed_out() {
    let csv = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n\
        Dana Whit,Colleen Ruiz,\"11/20/26, 9:00 AM\",\"Hi Karen, I'd like to join your LinkedIn network.\",INCOMING,https://www.linkedin.com/in/dana,https://www.linkedin.com/in/colleen\n\
        Eli Park,Colleen Ruiz,\"11/19/26, 9:00 AM\",\"Hi Colleen, I'd like to join your LinkedIn network.\",INCOMING,https://www.linkedin.com/in/eli,https://www.linkedin.com/in/colleen\n";
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_from_csv(csv, &dir);
    assert_eq!(app.current_tab(), Tab::GreetingOnly);
    assert_eq!(current_name(&app), "Dana Whit");
    let out = screen(&app, 100, 20);
    assert!(
        out.contains("greeting-only · greets “Karen”, not you: a copied note?"),
        "{out}"
    );
    app.update(Action::Down);
    assert_eq!(current_name(&app), "Eli Park");
    assert!(!screen(&app, 100, 20).contains("greets"));
}

/// One you sent to Marco that greets Dana: your own slip, pointed out on
/// the Sent tab too; one that greets Marco is not.
#[test]
fn a_sent_note_that_greets_someone_else_is_pointed_out() {
    let csv = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n\
        Sam Okafor,Marco Rossi,\"11/20/26, 9:00 AM\",\"Hi Dana, I noticed your team is growing. Would love to swap notes on outbound.\",OUTGOING,https://www.linkedin.com/in/sam,https://www.linkedin.com/in/marco\n\
        Sam Okafor,Ana Lima,\"11/19/26, 9:00 AM\",\"Hi Ana, I noticed your team is growing. Would love to swap notes on outbound.\",OUTGOING,https://www.linkedin.com/in/sam,https://www.linkedin.com/in/ana\n";
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_from_csv(csv, &dir);
    assert_eq!(app.current_tab(), Tab::Sent);
    assert_eq!(app.current().unwrap().to(), "Marco Rossi");
    let out = screen(&app, 120, 20);
    assert!(
        out.contains("greets “Dana”, not them: a copied note?"),
        "{out}"
    );
    app.update(Action::Down);
    assert_eq!(app.current().unwrap().to(), "Ana Lima");
    assert!(!screen(&app, 120, 20).contains("greets"));
}

/// On a short terminal the check pad's grading is cut with a sign of the
/// lines hidden, and its length and verdict stay in sight at its foot.
#[test]
fn a_cut_grading_says_so_and_keeps_its_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Resize(60, 15));
    app.update(Action::Check);
    let note = format!("Hi, we met at the summit. {}", "blah ".repeat(90));
    app.update(Action::ComposeEditor);
    app.update(Action::EditorDone(Ok(note.into())));
    let s = screen(&app, 60, 15);
    let rows: Vec<&str> = s.lines().collect();
    assert!(s.contains("found “met”, “summit”"), "the start shows: {s}");
    assert!(
        s.contains("more lines: a taller terminal shows them"),
        "{s}"
    );
    assert!(rows[10].contains("more lines"), "{s}");
    assert!(rows[11].contains("length: 475 of 300"), "{s}");
    assert!(rows[13].contains("not ready:"), "{s}");
    // Tall enough, it is whole, with no such line.
    let s = screen(&app, 60, 30);
    assert!(!s.contains("more line"), "{s}");
    assert!(s.contains("offer to serve"), "{s}");
}

/// The check pad's placeholder is faint, not textarea's dark grey: a
/// colour would reach a terminal under NO_COLOR (or a VT100, where
/// `38;5` blinks).
#[test]
fn the_check_pads_placeholder_is_faint_not_a_colour() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_color(Source::Sample, dir.path(), false);
    app.update(Action::Check);
    let buf = buffer(&app, 100, 30);
    assert_eq!(
        look(&buf, "Write the note you will send"),
        (Color::Reset, Modifier::DIM)
    );
}

#[test]
fn check_screen_grades_as_you_type() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Tab(Tab::Sent));
    app.update(Action::Check);
    assert_eq!(app.mode, Mode::Check);
    assert!(
        !app.check_to.is_empty(),
        "the Sent tab's recipient is the addressee"
    );
    for c in "We met at the ASCM forum; I would love your advice on scorecards.".chars() {
        app.update(Action::ComposeKey(key(c)));
    }
    let out = screen(&app, 80, 24);
    assert!(out.contains("customised · context, reason"), "{out}");
    assert!(out.contains("ready to send"), "{out}");
    insta::assert_snapshot!(out);
    // A greeting to another name passes, and the frame asks about it.
    let other_dir = tempfile::tempdir().unwrap();
    let mut other = sample_app(other_dir.path());
    other.update(Action::Tab(Tab::Sent));
    other.update(Action::Check);
    for c in "Hi Zebulon, we met at the ASCM forum.".chars() {
        other.update(Action::ComposeKey(key(c)));
    }
    let named = screen(&other, 80, 24);
    assert!(named.contains(" ready to send? check the name "), "{named}");
    assert!(matches!(
        app.update(Action::ComposeCopy),
        Some(Effect::Copy { label, .. }) if label == "note"
    ));
    // Nothing is saved from here, and the composer's keys do nothing.
    app.update(Action::ComposeSave);
    assert_eq!(app.mode, Mode::Check);
    assert!(
        status_text(&app).starts_with("Nothing is saved here"),
        "{:?}",
        app.status
    );
    app.update(Action::ComposeNextTemplate);
    assert_eq!(app.mode, Mode::Check);
    // Ctrl-E hands the note to the editor, in a file beside the note on
    // disk (for the next start to take back, should this run be killed
    // while the editor is open); its text comes back in place.
    let (pad_folder, _) = app.journal.check_pad_editing_file();
    assert_eq!(
        pad_folder,
        app.journal.unsaved_dir(),
        "where the note is kept"
    );
    assert_eq!(
        app.update(Action::ComposeEditor),
        Some(Effect::Editor {
            text: "We met at the ASCM forum; I would love your advice on scorecards.".into(),
            keep_in: Some(app.journal.check_pad_editing_file()),
        })
    );
    app.update(Action::EditorDone(Ok("Hi there\n".into())));
    assert_eq!(app.check_pad.as_ref().unwrap().lines(), ["Hi there"]);
    // An editor that changes a note ending in a blank line gives it back
    // with the file's line end: only that one comes off.
    app.update(Action::EditorDone(Ok("Hi there\n\n".into())));
    assert_eq!(app.check_pad.as_ref().unwrap().lines(), ["Hi there", ""]);
    app.update(Action::EditorDone(Ok("Hi there\n".into())));
    app.update(Action::EditorDone(Err(
        "The editor `x` exited with 1".into()
    )));
    assert_eq!(
        status_text(&app),
        "The editor `x` exited with 1 · the note is unchanged"
    );
    assert_eq!(app.check_pad.as_ref().unwrap().lines(), ["Hi there"]);
    app.update(Action::Cancel);
    assert_eq!(app.mode, Mode::List);
    assert!(app.journal.iter().next().is_none(), "nothing was recorded");
    // From an invitation you received, the addressee is not known.
    app.update(Action::Tab(Tab::Customised));
    app.update(Action::Check);
    assert_eq!(app.check_to, "");
}

/// The spec's "let the user bulk-ignore pitches": `p` marks them, `I`
/// ignores the marked ones.
#[test]
fn pitches_are_marked_with_one_key_and_ignored_with_another() {
    use invitriage::classify::Signals;
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Resize(100, 40));
    app.update(Action::Tab(Tab::Customised));
    let pitches: Vec<u32> = app
        .rows
        .iter()
        .copied()
        .filter(|&i| app.invitations[i as usize].signals.contains(Signals::PITCH))
        .collect();
    assert_eq!(pitches.len(), 3, "the sample has three pitches");
    // Pitches sort last in their tab, and say how to mark them all.
    app.update(Action::Last);
    let last = app.current().unwrap().id;
    assert!(
        pitches
            .iter()
            .any(|&i| app.invitations[i as usize].id == last)
    );
    let out = screen(&app, 100, 30);
    assert!(
        out.contains("customised · pitch · p marks every pitch in the list"),
        "{out}"
    );

    app.update(Action::MarkPitches);
    assert_eq!(app.marked_count, 3);
    assert!(pitches.iter().all(|&i| app.marked[i as usize]));
    assert_eq!(
        status_text(&app),
        "Marked 3 pitches · I ignores the marked ones, space unmarks one"
    );
    // Under a filter that shows none of them, p says where they are.
    while app.filter != Filter::Replied {
        app.update(Action::CycleFilter);
    }
    let marked = app.marked_count;
    app.update(Action::MarkPitches);
    assert_eq!(app.marked_count, marked);
    assert_eq!(
        status_text(&app),
        "No pitch in this list: the 3 of this tab are hidden by the filter (f cycles it)"
    );
    show_all(&mut app);
    while app.filter != Filter::Undecided {
        app.update(Action::CycleFilter);
    }
    // Again: all were marked, so they are unmarked; a mark of another kind stays.
    app.update(Action::First);
    app.update(Action::Mark);
    app.update(Action::MarkPitches);
    assert_eq!(app.marked_count, 1);
    assert!(pitches.iter().all(|&i| !app.marked[i as usize]));
    assert_eq!(status_text(&app), "Unmarked 3 pitches");
    // Marked again beside it: the ignore would take it too, and says so.
    app.update(Action::MarkPitches);
    assert_eq!(
        status_text(&app),
        "Marked 3 pitches, and 1 marked before · I ignores the marked ones, space unmarks one"
    );
    app.update(Action::Cancel);
    assert_eq!(app.marked_count, 0);
    // On a short screen, the marks below it are counted.
    app.update(Action::Resize(100, 16));
    app.update(Action::First);
    app.update(Action::MarkPitches);
    let h = app.list_height();
    let hidden = (0..app.rows.len())
        .filter(|&r| r >= h && pitches.contains(&app.rows[r]))
        .count();
    assert!(hidden > 0 && h < app.rows.len(), "{h}");
    assert!(
        status_text(&app).starts_with(&format!("Marked 3 pitches ({hidden} out of view) · ")),
        "{}",
        status_text(&app)
    );
    // Ignoring them asks first: some are out of sight.
    app.update(Action::IgnoreMarked);
    match &app.mode {
        Mode::Confirm(b) => assert!(
            b.detail.contains("out of view in this list"),
            "{}",
            b.detail
        ),
        other => panic!("{other:?}"),
    }
    app.update(Action::Confirm(false));
    assert_eq!(app.marked_count, 3, "nothing decided, still marked");
    // One more marked on another tab: the question gives both reasons.
    app.update(Action::Tab(Tab::GreetingOnly));
    app.update(Action::Mark);
    app.update(Action::Tab(Tab::Customised));
    app.update(Action::First);
    app.update(Action::IgnoreMarked);
    match &app.mode {
        Mode::Confirm(b) => assert!(
            b.detail.starts_with(&format!(
                "1 of them is not in this list (marked on another tab or under another filter), and {hidden} out of view in it."
            )),
            "{}",
            b.detail
        ),
        other => panic!("{other:?}"),
    }
    app.update(Action::Confirm(false));
    app.update(Action::Cancel);
    app.update(Action::Resize(100, 40));
    // One of them marked by hand: `p` marks the rest.
    app.update(Action::Last);
    app.update(Action::Mark);
    app.update(Action::MarkPitches);
    assert_eq!(app.marked_count, 3);

    app.update(Action::IgnoreMarked);
    for &i in &pitches {
        let inv = &app.invitations[i as usize];
        let decision = app.journal.state(inv.id).and_then(|e| e.decision());
        assert_eq!(decision, Some(Decision::Ignored), "{}", inv.from());
    }
    assert_eq!(app.journal.iter().count(), 3, "nothing else was decided");
    // Decided, they no longer offer the key, and the list has none left.
    app.update(Action::CycleFilter);
    app.update(Action::CycleFilter);
    assert_eq!(app.filter, Filter::Ignored);
    assert!(!screen(&app, 100, 30).contains("marks every pitch"));
    app.update(Action::CycleFilter);
    app.update(Action::CycleFilter);
    app.update(Action::CycleFilter);
    assert_eq!(app.filter, Filter::Undecided);
    app.update(Action::MarkPitches);
    assert_eq!(app.marked_count, 0);
    assert_eq!(
        status_text(&app),
        "No pitch in this list: the 3 of this tab are hidden by the filter (f cycles it)"
    );
    app.update(Action::Tab(Tab::Sent));
    app.update(Action::MarkPitches);
    assert!(status_text(&app).starts_with("This tab lists the invitations you sent"));
    assert_eq!(app.marked_count, 0);
}

#[test]
fn the_check_pad_keeps_its_note_until_cleared() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("unsaved").join("check-pad.txt");
    let mut app = sample_app(dir.path());
    app.update(Action::Check);
    app.update(Action::Cancel);
    assert!(app.check_pad.is_none(), "an empty pad is not kept");
    assert!(app.status.is_none(), "and nothing is said about it");
    assert!(!file.exists());

    app.update(Action::Check);
    for c in "Hi Sam".chars() {
        app.update(Action::ComposeKey(key(c)));
    }
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "Hi Sam");
    app.update(Action::ComposeKey(KeyEvent::new(
        KeyCode::Enter,
        KeyModifiers::NONE,
    )));
    app.update(Action::ComposeKey(key('!')));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "Hi Sam\n!");
    // Esc leaves the pad, not the note.
    app.update(Action::Cancel);
    assert_eq!(app.mode, Mode::List);
    assert_eq!(
        status_text(&app),
        "The note stays in the check pad: w opens it again"
    );
    app.update(Action::Down);
    app.update(Action::Check);
    assert_eq!(app.check_pad.as_ref().unwrap().lines(), ["Hi Sam", "!"]);
    app.update(Action::ComposeKey(key('?')));
    assert_eq!(app.check_pad.as_ref().unwrap().lines(), ["Hi Sam", "!?"]);
    drop(app);

    // The next start has it too, once the pad is opened.
    let mut app = sample_app(dir.path());
    assert_eq!(app.mode, Mode::List, "the pad does not open by itself");
    app.update(Action::Check);
    assert_eq!(app.check_pad.as_ref().unwrap().lines(), ["Hi Sam", "!?"]);
    assert_eq!(
        status_text(&app),
        "Your note from before · Ctrl-L clears the pad"
    );
    let out = screen(&app, 80, 24);
    assert!(out.contains("Ctrl-L clear"), "{out}");
    // The verdict sits in the frame, where the smallest screen keeps it.
    let small = screen(&app, 60, 15);
    assert!(small.contains("╰ not ready ─"), "{small}");

    // Ctrl-L empties the pad and the file; Ctrl-U (the pad's undo) brings it back.
    app.update(Action::CheckClear);
    assert_eq!(app.check_pad.as_ref().unwrap().lines(), [""]);
    let empty = screen(&app, 60, 15);
    assert!(!empty.contains("ready"), "no verdict on nothing: {empty}");
    assert_eq!(status_text(&app), "Cleared · Ctrl-U brings the note back");
    assert!(!file.exists());
    app.update(Action::ComposeKey(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    assert_eq!(app.check_pad.as_ref().unwrap().lines(), ["Hi Sam", "!?"]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "Hi Sam\n!?");
    // Ctrl-L means nothing in the composer, to its draft or to the note.
    app.update(Action::Cancel);
    app.update(Action::Reply);
    let before = app.composer.as_ref().unwrap().text();
    app.update(Action::CheckClear);
    assert_eq!(app.composer.as_ref().unwrap().text(), before);
    assert_eq!(app.check_pad.as_ref().unwrap().lines(), ["Hi Sam", "!?"]);
    app.update(Action::Cancel);
    app.update(Action::Check);
    app.update(Action::CheckClear);
    app.update(Action::Cancel);
    assert!(app.check_pad.is_none());
    assert!(!file.exists());
}

/// A sent invitation is stale from the configured age in calendar days,
/// as its age is shown ("3w"): sent 4 Nov in the afternoon, it is 21 days
/// old at noon on 25 Nov, though not 21 times 24 hours.
#[test]
fn stale_sent_invitations_are_flagged_at_the_configured_age() {
    let csv = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n\
        Colleen Ruiz,Ann Old,\"11/4/26, 4:00 PM\",,OUTGOING,https://www.linkedin.com/in/colleen,https://www.linkedin.com/in/ann\n\
        Colleen Ruiz,Bo Young,\"11/5/26, 9:00 AM\",,OUTGOING,https://www.linkedin.com/in/colleen,https://www.linkedin.com/in/bo\n";
    let dir = tempfile::tempdir().unwrap();
    let app = app_from_csv(csv, &dir);
    assert_eq!(app.stale_after_days, 21);
    let stale: Vec<(&str, bool)> = app
        .invitations
        .iter()
        .map(|i| (i.to(), app.is_stale(i)))
        .collect();
    assert_eq!(stale, [("Ann Old", true), ("Bo Young", false)]);
    assert_eq!(app.stale_count, 1);
}

#[test]
fn a_resent_invitation_shares_its_decision() {
    let csv = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n\
        Joe Smith,Colleen Ruiz,\"11/20/26, 9:00 AM\",We met at the summit.,INCOMING,https://www.linkedin.com/in/joe,https://www.linkedin.com/in/colleen\n\
        Joe Smith,Colleen Ruiz,\"10/20/26, 9:00 AM\",We met at the summit in Lisbon.,INCOMING,https://www.linkedin.com/in/joe,https://www.linkedin.com/in/colleen\n";
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_from_csv(csv, &dir);
    assert_eq!(app.rows.len(), 2);
    app.update(Action::Accept);
    assert_eq!(
        app.decisions,
        vec![Some(Decision::Accepted); 2],
        "one person, one decision"
    );
    assert_eq!(app.progress().0, 2);
    app.update(Action::Undo);
    assert_eq!(app.decisions, vec![None; 2]);
}

/// At the smallest size (60 columns), a key's description too long for the
/// help overlay goes on under itself instead of being cut.
#[test]
fn help_descriptions_wrap_on_a_narrow_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Help);
    let text = screen(&app, 60, 30);
    assert!(text.contains("scroll the note down, when it is"), "{text}");
    assert!(
        text.contains("│                  longer than its pane"),
        "{text}"
    );
}

/// At the smallest size the statistics screen is taller than its space: it
/// scrolls with ↑/↓ (and says so), and not past its last line, so one Up
/// after many Downs moves at once.
/// The word on leaving: only when this run changed a decision.
#[test]
fn the_farewell_sums_up_what_this_run_changed() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    assert_eq!(app.farewell(), None);
    app.update(Action::Accept);
    app.update(Action::Ignore);
    assert_eq!(
        app.farewell().as_deref(),
        Some(
            "2 decided this session; 2 of 135 received invitations decided (1 accepted, 1 ignored, 0 replied)."
        )
    );
    drop(app);
    let mut app = sample_app(dir.path());
    assert_eq!(app.farewell(), None, "a new run starts from what is there");
    app.update(Action::Undo);
    assert_eq!(
        app.farewell().as_deref(),
        Some(
            "1 decision undone this session; 1 of 135 received invitations decided (1 accepted, 0 ignored, 0 replied)."
        )
    );
    drop(app);
    // The same number decided, but one changed: accepted, now ignored.
    let mut app = sample_app(dir.path());
    app.update(Action::CycleFilter);
    assert_eq!(app.filter, Filter::Accepted);
    app.update(Action::Ignore);
    assert_eq!(
        app.farewell().as_deref(),
        Some(
            "1 changed this session; 1 of 135 received invitations decided (0 accepted, 1 ignored, 0 replied)."
        )
    );
    app.update(Action::Undo);
    assert_eq!(app.farewell(), None, "undone back to where it started");
    // Made and undone are told apart, not netted.
    drop(app);
    let mut app = sample_app(dir.path());
    app.update(Action::Undo);
    app.update(Action::Tab(Tab::All));
    app.update(Action::Accept);
    app.update(Action::Accept);
    assert_eq!(
        app.farewell().as_deref(),
        Some(
            "2 decided and 1 decision undone this session; 2 of 135 received invitations decided (2 accepted, 0 ignored, 0 replied)."
        )
    );
    // Three things or more: one "and", before the last.
    app.update(Action::Tab(Tab::Sent));
    app.update(Action::Last);
    app.update(Action::Withdraw);
    assert_eq!(
        app.farewell().as_deref(),
        Some(
            "2 decided, 1 decision undone and 1 sent invitation marked to withdraw this session; 2 of 135 received invitations decided (2 accepted, 0 ignored, 0 replied); 1 sent invitation to withdraw in all."
        )
    );
    // On the sent side too: one withdrawal unmarked and another marked is
    // not nothing (a sentence without a subject, once), and two marked and
    // one of them unmarked is not "1 marked".
    drop(app);
    let mut app = sample_app(dir.path());
    app.update(Action::Tab(Tab::Sent));
    app.update(Action::Last);
    app.update(Action::Withdraw);
    app.update(Action::First);
    app.update(Action::Withdraw);
    assert_eq!(
        app.farewell().as_deref(),
        Some(
            "1 sent invitation marked to withdraw and 1 withdrawal undone this session; 2 of 135 received invitations decided (2 accepted, 0 ignored, 0 replied); 1 sent invitation to withdraw in all."
        )
    );
}

/// A pending invitation you answer on LinkedIn leaves the next export; the
/// statistics say how many of your decisions that accounts for.
#[test]
fn decisions_gone_from_the_export_are_counted() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(&dir.path().join("data"));
    for action in [Action::Accept, Action::Ignore, Action::Accept, Action::Undo] {
        app.update(action);
    }
    assert_eq!(app.progress().0, 2);
    app.update(Action::Stats);
    assert!(
        !screen(&app, 80, 40).contains("gone"),
        "all of them are here"
    );
    drop(app);

    let csv = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n\
        Eli Park,Colleen Ruiz,\"11/19/26, 9:00 AM\",,INCOMING,https://www.linkedin.com/in/eli,https://www.linkedin.com/in/colleen\n";
    let mut app = app_from_csv(csv, &dir);
    app.update(Action::Accept);
    assert_eq!(app.decided_elsewhere(), 2, "the undone one does not count");
    // A thank-you draft alone (its accept undone) is no decision.
    app.journal
        .record_draft(
            invitriage::invitation::InvitationId(7),
            invitriage::journal::DraftKind::ThankYou,
            "Thanks",
            now(),
        )
        .unwrap();
    assert_eq!(app.decided_elsewhere(), 2);
    app.update(Action::Stats);
    let out = screen(&app, 60, 30);
    assert!(
        out.contains(" gone           2 decided earlier, not in this export:"),
        "{out}"
    );
    assert!(
        out.contains("done on LinkedIn, or from another export"),
        "{out}"
    );
    // A sent invitation withdrawn on LinkedIn leaves too: told apart from
    // the received ones the table counts.
    app.update(Action::Cancel);
    app.journal
        .record_decision(
            &[invitriage::invitation::InvitationId(9)],
            Some(Decision::Withdrawn),
            now(),
        )
        .unwrap();
    app.update(Action::Stats);
    let out = screen(&app, 100, 30);
    assert!(
        out.contains(
            " gone           2 decided and 1 marked to withdraw earlier, not in this export:"
        ),
        "{out}"
    );
    // On a narrow screen the line goes on under its text, whole.
    let out = screen(&app, 60, 30);
    assert!(
        out.contains(" gone           2 decided and 1 marked to withdraw earlier, ")
            && out.contains("\"                not in this export:     "),
        "{out}"
    );
    drop(app);
    // An older export, without URLs, matches by name and date: that is
    // the likelier cause it names.
    let csv = "From,To,Sent At,Message,Direction\n\
        Eli Park,Colleen Ruiz,\"11/19/26, 9:00 AM\",,INCOMING\n";
    let mut app = app_from_csv(csv, &dir);
    app.update(Action::Stats);
    let out = screen(&app, 80, 30);
    assert!(
        out.contains("made where the export had profile URLs, or a name changed"),
        "{out}"
    );
}

#[test]
fn stats_screen_scrolls_on_a_small_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Resize(60, 15));
    app.update(Action::Stats);
    let top = screen(&app, 60, 15);
    // The footer offers only the ways it still scrolls.
    assert!(row_text(&app, 60, 15, 14).starts_with(" ↓ scroll"), "{top}");
    assert!(!top.contains("still pending after"), "{top}");
    for _ in 0..50 {
        app.update(Action::Down);
    }
    let bottom = screen(&app, 60, 15);
    assert!(bottom.contains("still pending after 21 days"), "{bottom}");
    assert!(
        row_text(&app, 60, 15, 14).starts_with(" ↑ scroll"),
        "{bottom}"
    );
    app.update(Action::Up);
    let up = screen(&app, 60, 15);
    assert_ne!(up, bottom, "one Up moves at once");
    assert!(
        row_text(&app, 60, 15, 14).starts_with(" ↑/↓ scroll"),
        "{up}"
    );
    app.update(Action::Last);
    assert!(
        row_text(&app, 60, 15, 14).starts_with(" ↑ scroll"),
        "G: the end"
    );
    // At 80×24 it fits: nothing to scroll, and the footer does not offer it.
    app.update(Action::Resize(80, 24));
    assert!(!screen(&app, 80, 24).contains("scroll"));
}

/// The help overlay stops at its last line too: one Up after many Downs
/// moves at once.
#[test]
fn help_scroll_stops_at_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Help);
    for _ in 0..200 {
        app.update(Action::Down);
    }
    let bottom = screen(&app, 80, 24);
    assert!(bottom.contains("one number, all of them"), "{bottom}");
    app.update(Action::Up);
    assert_ne!(screen(&app, 80, 24), bottom, "one Up moves at once");
    // g and G (Home, End) go to the top and the end, as in the list.
    let ctx = app.key_context();
    let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    let first = action_for(&app.keymap, ctx, &key('g')).expect("g scrolls the help");
    let last = action_for(&app.keymap, ctx, &key('G')).expect("G scrolls the help");
    app.update(first);
    let top = screen(&app, 80, 24);
    app.update(Action::Help);
    app.update(Action::Help);
    assert_eq!(screen(&app, 80, 24), top, "back at the top");
    app.update(last.clone());
    assert_eq!(screen(&app, 80, 24), bottom);
    // At every width: the limit counts the lines as the box wraps them (it
    // once wrapped them a column wider, and the last lines of the help
    // could not be reached at 60 or 100 columns).
    for (w, h) in [(60, 20), (70, 20), (100, 30), (120, 40)] {
        app.update(Action::Resize(w, h));
        app.update(last.clone());
        let bottom = screen(&app, w, h);
        assert!(
            bottom.contains("one number, all of them") && !bottom.contains("more:"),
            "{w}x{h}:\n{bottom}"
        );
    }
    // At the end in a small window, then a larger one: the first Up moves
    // (the scroll was left past the new end, and Up went back to it).
    app.update(Action::Resize(60, 20));
    app.update(last.clone());
    app.update(Action::Resize(120, 40));
    let grown = screen(&app, 120, 40);
    app.update(Action::Up);
    assert_ne!(screen(&app, 120, 40), grown, "the first Up moves");
}

/// A search that finds nothing says so while it is typed, and Enter does not
/// offer n / N for it; a single match is called one.
#[test]
fn a_search_without_matches_says_so_as_you_type() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Tab(Tab::All));
    app.update(Action::Search);
    type_query(&mut app, "zzqq");
    let text = screen(&app, 100, 30);
    assert!(text.contains("/zzqq▏   no match"), "{text}");
    app.update(Action::SearchEdit(LineEdit::Backspace));
    app.update(Action::SearchEdit(LineEdit::Backspace));
    app.update(Action::SearchEdit(LineEdit::Backspace));
    assert!(!screen(&app, 100, 30).contains("no match"));
    app.update(Action::SearchInput('q'));
    app.update(Action::SearchInput('q'));
    app.update(Action::SearchSubmit);
    let status = app.status.as_ref().unwrap();
    assert!(status.error);
    assert_eq!(status.text, "No match for “zqq” in this list");
    // Ctrl-W takes the word before the cursor (and the spaces after it),
    // Ctrl-U all before the cursor: at the end, all of it, back where the
    // search began.
    let origin = app.cursor;
    app.update(Action::Search);
    type_query(&mut app, "kenji zzqq  ");
    assert!(screen(&app, 100, 30).contains("no match"));
    app.update(Action::SearchEdit(LineEdit::DeleteWordBefore));
    assert_eq!(app.query, "kenji ");
    app.update(Action::SearchEdit(LineEdit::DeleteWordBefore));
    assert_eq!(app.query, "");
    assert_eq!(app.cursor, origin);
    type_query(&mut app, "mihai");
    assert_ne!(app.cursor, origin);
    app.update(Action::SearchEdit(LineEdit::DeleteToStart));
    assert_eq!((app.query.as_str(), app.cursor), ("", origin));
    app.update(Action::Cancel);
    app.update(Action::Tab(Tab::Customised));
    app.update(Action::Search);
    type_query(&mut app, "kenji");
    app.update(Action::SearchSubmit);
    assert_eq!(status_text(&app), "1 match for “kenji”");
    // Kenji's note is customised: the Default tab hides it, and says so.
    app.update(Action::Tab(Tab::Default));
    app.update(Action::Search);
    type_query(&mut app, "kenji");
    app.update(Action::SearchSubmit);
    assert_eq!(
        status_text(&app),
        "No match for “kenji” in this list · 1 on the Customised tab (1)"
    );
    // On his tab, under a filter that hides him, the filter is named.
    app.update(Action::Tab(Tab::Customised));
    while app.filter != Filter::Ignored {
        app.update(Action::CycleFilter);
    }
    app.update(Action::Search);
    type_query(&mut app, "kenji");
    app.update(Action::SearchSubmit);
    assert_eq!(
        status_text(&app),
        "No match for “kenji” in this list · 1 in this tab that the filter hides (f)"
    );
    // From another tab, under a filter that hides him on his tab too.
    app.update(Action::Tab(Tab::Default));
    app.update(Action::Search);
    type_query(&mut app, "kenji");
    app.update(Action::SearchSubmit);
    assert_eq!(
        status_text(&app),
        "No match for “kenji” in this list · 1 on the Customised tab that the filter hides there too (1)"
    );
    while app.filter != Filter::Undecided {
        app.update(Action::CycleFilter);
    }
    app.update(Action::Tab(Tab::Default));
    // A query that stops matching goes back to where the search began,
    // not to the last match of a shorter one.
    app.update(Action::Down);
    let origin = app.cursor;
    app.update(Action::Search);
    type_query(&mut app, "yasmin");
    assert_ne!(app.cursor, origin, "a default note's sender matches");
    type_query(&mut app, "qq");
    assert_eq!(app.cursor, origin);
    app.update(Action::Cancel);
    // An empty list (nothing accepted yet) has no match either, and says
    // so as you type, like any other.
    app.update(Action::Tab(Tab::Customised));
    app.update(Action::CycleFilter);
    assert!(app.rows.is_empty());
    app.update(Action::Search);
    type_query(&mut app, "ken");
    let text = screen(&app, 100, 30);
    assert!(text.contains("/ken▏   no match"), "{text}");
}

/// On a narrow screen the search line keeps the end of the query and drops
/// whole hints, not the middle of one; a query wider than the line shows
/// its end, where the typing is.
#[test]
fn the_search_line_fits_a_narrow_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Search);
    type_query(&mut app, "zzqqzzqq");
    let last = |app: &App| row_text(app, 60, 15, 14);
    assert_eq!(
        last(&app),
        " /zzqqzzqq▏   no match here   Enter keep · Esc cancel"
    );
    type_query(
        &mut app,
        " and a query longer than the whole line itself, typed on",
    );
    let line = last(&app);
    assert!(line.starts_with(" /…"), "{line}");
    assert!(line.contains("typed on▏   no match"), "{line}");
    // The query takes all the room there is, the hints none.
    assert_eq!(line.chars().count(), 60, "{line}");
}

/// The search line's cursor: typing goes in where it is, and every change
/// to the query searches again (and counts its matches afresh on Enter);
/// a move alone does not.
#[test]
fn the_search_line_edits_at_its_cursor() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Tab(Tab::All));
    // A straight search, for what the edited one must come to.
    app.update(Action::Search);
    type_query(&mut app, "linkedin");
    let (row, _) = (app.cursor, app.update(Action::SearchSubmit));
    let straight = status_text(&app).to_string();
    assert!(straight.contains("for “linkedin”"), "{straight}");
    app.update(Action::Cancel);
    // "linkxdin", back three, Backspace, "e": "linkedin".
    app.update(Action::Search);
    type_query(&mut app, "linkxdin");
    assert!(app.search_missed);
    for _ in 0..3 {
        app.update(Action::SearchEdit(LineEdit::Left));
    }
    assert_eq!(app.query_at, 5);
    app.update(Action::SearchEdit(LineEdit::Backspace));
    type_query(&mut app, "e");
    assert_eq!((app.query.as_str(), app.query_at), ("linkedin", 5));
    assert!(!app.search_missed);
    assert_eq!(app.cursor, row, "the same first match");
    app.update(Action::SearchSubmit);
    assert_eq!(status_text(&app), straight);
    // The matches of "linkedin" are not those of the query edited from it.
    app.update(Action::Search);
    type_query(&mut app, "linkedin");
    app.update(Action::SearchEdit(LineEdit::Home));
    type_query(&mut app, "q");
    assert_eq!(app.query, "qlinkedin");
    assert!(app.search_missed);
    app.update(Action::SearchSubmit);
    assert!(status_text(&app).starts_with("No match for “qlinkedin”"));
    // A letter typed into the middle of a query that found nothing may
    // find something: it is searched for, not taken as missing too.
    app.update(Action::Search);
    type_query(&mut app, "knji");
    assert!(app.search_missed);
    let origin = app.cursor;
    for _ in 0..3 {
        app.update(Action::SearchEdit(LineEdit::Left));
    }
    type_query(&mut app, "e");
    assert_eq!(app.query, "kenji");
    assert!(!app.search_missed);
    assert_ne!(app.cursor, origin);
    assert!(app.current().unwrap().counterpart().contains("Kenji"));
    // A move alone leaves the list where it is; Ctrl-K takes the rest.
    let found = app.cursor;
    app.update(Action::SearchEdit(LineEdit::Home));
    app.update(Action::SearchEdit(LineEdit::WordRight));
    assert_eq!((app.query_at, app.cursor), (5, found));
    app.update(Action::SearchEdit(LineEdit::Left));
    app.update(Action::SearchEdit(LineEdit::DeleteToEnd));
    assert_eq!((app.query.as_str(), app.query_at), ("kenj", 4));
    // A paste goes in at the cursor too.
    app.update(Action::SearchEdit(LineEdit::Home));
    app.update(Action::Paste("ta".into()));
    assert_eq!((app.query.as_str(), app.query_at), ("takenj", 2));
    // Esc, and `/` again, start from an empty line.
    app.update(Action::Cancel);
    app.update(Action::Search);
    assert_eq!((app.query.as_str(), app.query_at), ("", 0));
}

/// The cursor is drawn where the typing goes, counted in columns (a wide
/// character is two); a query longer than the line scrolls to keep it in
/// view.
#[test]
fn the_search_cursor_is_drawn_where_typing_goes() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Search);
    type_query(&mut app, "日本 ab");
    app.update(Action::SearchEdit(LineEdit::Home));
    app.update(Action::SearchEdit(LineEdit::Right));
    // The last row as it reads: a wide character's second cell is no
    // character of its own.
    let last = |app: &App| {
        use unicode_width::UnicodeWidthStr;
        let buf = buffer(app, 60, 15);
        let (mut row, mut x) = (String::new(), 0);
        while x < 60 {
            let symbol = buf[(x, 14)].symbol();
            row.push_str(symbol);
            x += u16::try_from(symbol.width().max(1)).unwrap();
        }
        row.trim_end().to_string()
    };
    assert!(
        last(&app).starts_with(" /日▏本 ab   no match"),
        "{}",
        last(&app)
    );
    let buf = buffer(&app, 60, 15);
    assert_eq!(
        buf[(4, 14)].symbol(),
        "▏",
        "after “ /” and a wide character"
    );
    app.update(Action::SearchEdit(LineEdit::Home));
    assert!(last(&app).starts_with(" /▏日本 ab"), "{}", last(&app));
    // Two spaces typed are two columns, the cursor after both.
    app.update(Action::SearchEdit(LineEdit::End));
    type_query(&mut app, "  ");
    assert!(last(&app).starts_with(" /日本 ab  ▏"), "{}", last(&app));
    // Longer than the line: at the start, its start and `…`; at the end,
    // `…` and its end; in the middle, the cursor with some after it.
    type_query(
        &mut app,
        "and a query longer than the whole line itself, typed on",
    );
    let line = last(&app);
    assert!(
        line.starts_with(" /…") && line.contains("typed on▏"),
        "{line}"
    );
    app.update(Action::SearchEdit(LineEdit::Home));
    let line = last(&app);
    assert!(line.starts_with(" /▏日本 ab  and a query"), "{line}");
    assert!(line.contains("…   no match"), "{line}");
    app.update(Action::SearchEdit(LineEdit::End));
    app.update(Action::SearchEdit(LineEdit::WordLeft));
    let line = last(&app);
    assert!(
        line.starts_with(" /…") && line.contains("typed ▏on   no"),
        "{line}"
    );
    for _ in 0..4 {
        app.update(Action::SearchEdit(LineEdit::WordLeft));
    }
    let line = last(&app);
    assert!(line.starts_with(" /…"), "{line}");
    assert!(
        line.ends_with(" than the ▏whole line i…   no match here"),
        "{line}"
    );
    assert_eq!(
        line.chars().count(),
        60,
        "the query takes all the room: {line}"
    );
}

/// A hint that fits to the last column is shown; one column less and it
/// goes.
#[test]
fn the_search_line_keeps_a_hint_that_just_fits() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Search);
    // Long enough that the line is wider than the narrowest screen.
    type_query(&mut app, "a query of some thirty letters");
    let last = |app: &App, w| row_text(app, w, 15, 14);
    let full = last(&app, 200);
    let (shorter, hint) = full.rsplit_once(" · ").expect("two hints or more");
    let w = u16::try_from(full.chars().count()).unwrap();
    assert_eq!(last(&app, w), full);
    assert_eq!(last(&app, w - 1), shorter, "without “{hint}”");
}

/// The key line shows a hint that fits to the last column (its two spaces
/// after it included); one column less and it goes, help and quit staying.
#[test]
fn the_key_line_keeps_a_hint_that_just_fits() {
    let dir = tempfile::tempdir().unwrap();
    let app = sample_app(dir.path());
    let last = |w| row_text(&app, w, 24, 23);
    let full = last(300);
    let w = u16::try_from(full.chars().count() + 2).unwrap();
    assert_eq!(last(w), full);
    let shorter = last(w - 1);
    assert!(shorter.len() < full.len(), "{shorter}");
    assert!(shorter.ends_with("? help  q quit"), "{shorter}");
}

/// The progress bar fills in proportion to what is decided.
#[test]
fn the_progress_bar_fills_with_the_decisions() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let bar = |app: &App| {
        let out = screen(app, 100, 30);
        let line = out.lines().nth(1).unwrap().to_string();
        (line.matches('█').count(), line.matches('░').count(), line)
    };
    assert_eq!(bar(&app).0, 0);
    app.update(Action::Tab(Tab::Default));
    app.update(Action::IgnoreMarked);
    app.update(Action::Confirm(true));
    // 112 of 135 on a bar of 28: 23.2 cells.
    let (filled, empty, line) = bar(&app);
    assert!(line.contains("decided 112 of 135"), "{line}");
    assert_eq!((filled, empty), (23, 5), "{line}");
}

/// The smallest screen the app draws, on the tab with every column.
#[test]
fn snapshot_the_narrowest_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Tab(Tab::All));
    insta::assert_snapshot!(screen(&app, 60, 15));
}

/// The tab bar keeps its long titles while they fit, to the column, then
/// takes the short ones.
#[test]
fn the_tab_bar_keeps_long_titles_while_they_fit() {
    let dir = tempfile::tempdir().unwrap();
    let app = sample_app(dir.path());
    let tabs = |w| row_text(&app, w, 24, 2);
    let long = tabs(200);
    assert!(long.contains("2 Greeting-only 10 │"), "{long}");
    // The last label's trailing space was trimmed.
    let w = u16::try_from(long.chars().count() + 1).unwrap();
    assert_eq!(tabs(w), long);
    let short = tabs(w - 1);
    assert!(!short.contains("Greeting-only"), "{short}");
    assert!(short.contains(" │ "), "the separators stay: {short}");
}

/// On a screen too narrow for every month, the sparkline shows the last
/// ones, and its range says from which.
#[test]
fn the_sparkline_names_the_months_it_shows() {
    let dir = tempfile::tempdir().unwrap();
    // One invitation a month, January 2023 to November 2026: 47 months.
    let mut csv = format!("{}\n", import::HEADER);
    for m in 0..47 {
        let (y, mo) = (2023 + m / 12, m % 12 + 1);
        csv.push_str(&format!(
            "Person {m},Colleen Ruiz,\"{mo}/3/{},  9:00 AM\",,INCOMING,https://www.linkedin.com/in/p{m},https://www.linkedin.com/in/colleen\n",
            y % 100
        ));
    }
    let mut app = app_from_csv(&csv, &dir);
    app.update(Action::Stats);
    let spark = |w| {
        let out = screen(&app, w, 30);
        out.lines()
            .find(|l| l.contains("by month"))
            .unwrap()
            .to_string()
    };
    assert!(spark(100).contains("Jan 2023 – Nov 2026"), "{}", spark(100));
    let narrow = spark(60);
    assert!(narrow.contains("– Nov 2026"), "{narrow}");
    assert!(!narrow.contains("Jan 2023"), "{narrow}");
    // The months left out are said to be, and where to find them.
    let out = screen(&app, 100, 30);
    assert!(!out.contains("all months since"), "{out}");
    let out = screen(&app, 80, 30);
    assert!(
        out.contains("all months since Jan 2023: invitriage stats --json"),
        "{out}"
    );
    // The busiest month is of all of them, at any width, and said to be
    // when the chart leaves some out.
    for (w, of) in [(60, " of all months"), (80, " of all months"), (100, "")] {
        let out = screen(&app, w, 30).replace(['"', '\n'], " ");
        let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            out.contains(&format!("busiest{of}: Nov 2026 and 46 more months, 1 each")),
            "{out}"
        );
    }
    // Nothing sent, so no line about sent invitations.
    let out = screen(&app, 100, 30);
    assert!(!out.contains("still pending"), "{out}");
}

/// The stats screen's decisions table adds up every kind of decision.
#[test]
fn the_decisions_table_counts_replies() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Accept);
    app.update(Action::Ignore);
    app.update(Action::Reply);
    app.update(Action::ComposeKey(key('x')));
    app.update(Action::ComposeSave);
    app.update(Action::Stats);
    let out = screen(&app, 100, 30);
    let table: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.contains("decisions"))
        .collect();
    let row = |name: &str| {
        let line = table
            .iter()
            .find(|l| l.starts_with(&format!("\" {name} ")))
            .unwrap();
        line.split_whitespace()
            .filter_map(|w| w.trim_matches('"').parse::<usize>().ok())
            .collect::<Vec<_>>()
    };
    assert_eq!(row("customised"), [1, 1, 1, 10]);
    assert_eq!(row("all"), [1, 1, 1, 132]);
}

/// A paste arrives whole: in the list it decides nothing (its letters are
/// not keys); in a draft, the check pad or the search line it is text.
#[test]
fn a_paste_is_text_never_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Paste("ai ai".into()));
    assert_eq!(app.progress().0, 0, "nothing decided");
    assert!(status_text(&app).contains("not taken as keys"));
    app.update(Action::Reply);
    app.update(Action::Paste(
        "Line one\r\nline\u{1b}]0;TITLE\u{7} two\u{1b}[31m\rthree\u{7}".into(),
    ));
    let text = app.composer.as_ref().unwrap().text();
    assert!(
        text.contains("Line one\nline two\nthree"),
        "line ends kept, an escape sequence and BEL dropped: {text:?}"
    );
    app.update(Action::Cancel);
    assert_eq!(
        app.mode,
        Mode::Compose,
        "a pasted draft is asked about first"
    );
    app.update(Action::Cancel);
    app.update(Action::Check);
    app.update(Action::Paste("We met at the forum".into()));
    assert!(screen(&app, 100, 30).contains("found “met”"));
    app.update(Action::Cancel);
    app.update(Action::Search);
    app.update(Action::Paste("Priya\n".into()));
    assert_eq!(app.query, "Priya");
    assert!(app.current().unwrap().message().contains("Priya"));
}

/// Hidden characters go into a draft alike however they come: typed (or
/// pasted without bracketed paste, a key at a time) as a bracketed paste
/// takes them. A line or paragraph separator and NEL are line breaks, a
/// right-to-left override and a zero-width space are left out; before,
/// typed ones were drawn as nothing on one line and saved as they were.
#[test]
fn hidden_characters_typed_go_in_as_pasted() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let words = "Hi Jane,\u{2028}we met\u{202e} at the\u{200b} ex\u{61c}p\u{206a}o\u{fff9}.\u{2029}Bye\u{85}C 👨\u{200d}👩";
    let put_in = |app: &mut App, typed: bool| {
        app.update(Action::Reply);
        let before = app.composer.as_ref().unwrap().text();
        if typed {
            for c in words.chars() {
                app.update(Action::ComposeKey(key(c)));
            }
        } else {
            app.update(Action::Paste(words.into()));
        }
        let c = app.composer.as_ref().unwrap();
        let (text, message) = (c.text(), c.message());
        app.update(Action::Cancel);
        app.update(Action::ComposeKey(key('y')));
        assert_eq!(app.mode, Mode::List, "discarded");
        // What went in: the text with the template's around it taken off.
        let start = before
            .char_indices()
            .zip(text.chars())
            .find(|((_, a), b)| a != b)
            .map_or(before.len(), |((i, _), _)| i);
        let end = text.len() - (before.len() - start);
        (text[start..end].to_string(), message)
    };
    let (typed, message) = put_in(&mut app, true);
    let (pasted, _) = put_in(&mut app, false);
    assert_eq!(
        typed, "Hi Jane,\nwe met at the expo.\nBye\nC 👨\u{200d}👩",
        "typed"
    );
    assert_eq!(pasted, typed, "pasted as typed");
    assert!(
        !message.contains([
            '\u{2028}', '\u{2029}', '\u{85}', '\u{202e}', '\u{200b}', '\u{61c}', '\u{206a}',
            '\u{fff9}'
        ]),
        "the message holds none: {message:?}"
    );
}

/// In the composer PgDn and PgUp move the cursor by the same page both
/// ways (PgDn, PgUp, PgUp, PgDn went from line 101 to 123, 122, 100 and
/// 101); Ctrl-Home and Ctrl-End go to the start and end of the whole
/// draft, not of the line; Alt-← and Alt-→ move a word, as in the search
/// line and as macOS terminals send Option-← and →.
#[test]
fn the_composer_moves_by_pages_words_and_to_its_ends() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Reply);
    let lines: String = (1..=200).map(|i| format!("line {i:03}\n")).collect();
    app.update(Action::Paste(lines));
    let press = |app: &mut App, code: KeyCode, mods: KeyModifiers| {
        app.update(Action::ComposeKey(KeyEvent::new(code, mods)));
        // Drawn after each key, as the screen is: the page is the pane's.
        screen(app, 100, 30);
        let ratatui_textarea::DataCursor(row, col) = app.composer.as_ref().unwrap().editor.cursor();
        (row, col)
    };
    let none = KeyModifiers::NONE;
    assert_eq!(
        press(&mut app, KeyCode::Home, KeyModifiers::CONTROL),
        (0, 0)
    );
    for _ in 0..100 {
        press(&mut app, KeyCode::Down, none);
    }
    let (from, _) = press(&mut app, KeyCode::Right, none);
    let (down, _) = press(&mut app, KeyCode::PageDown, none);
    assert!(down > from + 10, "a page down: {from} to {down}");
    assert_eq!(
        press(&mut app, KeyCode::PageUp, none),
        (from, 1),
        "and back"
    );
    let (up, _) = press(&mut app, KeyCode::PageUp, none);
    assert_eq!(from - up, down - from, "a page up as long");
    assert_eq!(press(&mut app, KeyCode::PageDown, none), (from, 1));
    // The ends of the whole draft.
    let text = app.composer.as_ref().unwrap().text();
    let last = text.lines().count() - 1;
    let end = (last, text.lines().last().unwrap().chars().count());
    assert_eq!(press(&mut app, KeyCode::End, KeyModifiers::CONTROL), end);
    assert_eq!(
        press(&mut app, KeyCode::Home, KeyModifiers::CONTROL),
        (0, 0)
    );
    // A word at a time, with Alt as with Ctrl.
    app.update(Action::ComposeKey(KeyEvent::new(KeyCode::End, none)));
    for c in " ab cd".chars() {
        app.update(Action::ComposeKey(key(c)));
    }
    let (row, col) = press(&mut app, KeyCode::Left, KeyModifiers::ALT);
    assert_eq!(
        press(&mut app, KeyCode::Left, KeyModifiers::ALT),
        (row, col - 3)
    );
    assert_eq!(
        press(&mut app, KeyCode::Right, KeyModifiers::ALT),
        (row, col)
    );
    assert_eq!(
        press(&mut app, KeyCode::Left, KeyModifiers::CONTROL),
        (row, col - 3)
    );
}

/// Too narrow or too short, either one, and the screen says so.
#[test]
fn a_screen_too_small_in_either_direction_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let app = sample_app(dir.path());
    for (w, h) in [(59, 30), (100, 14), (59, 14)] {
        let out = screen(&app, w, h);
        assert!(
            out.contains(&format!("needs at least 60×15 (now {w}×{h})")),
            "{w}×{h}: {out}"
        );
    }
    assert!(!screen(&app, 60, 15).contains("needs at least"));
    // Too small for the sentence: the way out first, in what there is.
    let tiny = screen(&app, 20, 5);
    assert!(tiny.starts_with("\"q quits · needs"), "{tiny}");
    assert!(tiny.contains("now 20×5"), "{tiny}");
}

/// The composer's title gives up the template's name only when the two
/// do not fit side by side.
#[test]
fn the_template_name_stays_while_it_fits() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Reply);
    let c = app.composer.as_ref().unwrap();
    let template = &app.templates.list[c.template];
    let name = app.invitations[c.index as usize].counterpart();
    let title = format!(" Reply to {name}, don't accept yet ");
    let right = format!(
        " template F{}: {} ",
        c.number(&app.templates),
        template.name
    );
    let short = format!(" F{} ", c.number(&app.templates));
    // The title, the name and the two corners, to the column.
    let w = u16::try_from(title.chars().count() + right.chars().count() + 2).unwrap();
    assert!(
        w >= 60,
        "the test needs a screen at least as wide as the narrowest"
    );
    let top = |w| {
        let out = screen(&app, w, 24);
        out.lines()
            .find(|l| l.contains("Reply to"))
            .unwrap()
            .to_string()
    };
    assert!(top(w).contains(&right), "{}", top(w));
    assert!(!top(w - 1).contains(&right), "{}", top(w - 1));
    assert!(top(w - 1).contains(&short), "{}", top(w - 1));
}

/// A note's long line wraps inside its pane, one column in: no letter is
/// cut off at the edge.
#[test]
fn the_composer_shows_all_of_their_note() {
    let dir = tempfile::tempdir().unwrap();
    let note = "Q".repeat(150);
    let mut app = app_from_csv(
        &format!(
            "{}\nAbena Reyes,Colleen Ruiz,\"11/21/26, 4:02 PM\",{note},INCOMING,https://www.linkedin.com/in/abena,https://www.linkedin.com/in/colleen\n",
            import::HEADER
        ),
        &dir,
    );
    app.update(Action::Tab(Tab::All));
    app.update(Action::Reply);
    assert_eq!(app.mode, Mode::Compose);
    let out = screen(&app, 100, 30);
    assert_eq!(out.matches('Q').count(), 150, "{out}");
}

// ---------------------------------------------------------------------------
// Colour and emphasis

/// The screens a session passes through, each drawn at 100×30.
fn every_screen(color: bool) -> Vec<(&'static str, Buffer)> {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_color(Source::Sample, dir.path(), color);
    let mut out = Vec::new();
    let mut shot = |name, app: &App| out.push((name, buffer(app, 100, 30)));
    shot("list", &app);
    app.update(Action::Mark);
    shot("marked", &app);
    app.update(Action::AcceptMarked);
    shot("confirm", &app);
    app.update(Action::Confirm(true));
    shot("accepted", &app);
    app.update(Action::Undo);
    app.update(Action::Tab(Tab::Default));
    app.update(Action::Search);
    app.update(Action::SearchInput('z'));
    shot("search", &app);
    app.update(Action::Cancel);
    app.update(Action::Stats);
    shot("stats", &app);
    app.update(Action::Cancel);
    app.update(Action::Help);
    shot("help", &app);
    app.update(Action::Cancel);
    app.update(Action::Reply);
    shot("compose", &app);
    app.update(Action::Cancel);
    app.update(Action::Check);
    for c in "Hi! Buy our leads, see www.example.com".chars() {
        app.update(Action::ComposeKey(key(c)));
    }
    shot("check", &app);
    app.update(Action::Cancel);
    app.update(Action::Tab(Tab::Sent));
    shot("sent", &app);
    out
}

/// `NO_COLOR`: not one cell of any screen has a colour of its own; the
/// same screens in colour have some.
#[test]
fn no_color_means_no_colour_anywhere() {
    let coloured = |buf: &Buffer| {
        buf.content()
            .iter()
            .filter(|c| c.fg != Color::Reset || c.bg != Color::Reset)
            .count()
    };
    for ((name, plain), (_, colour)) in every_screen(false).iter().zip(every_screen(true)) {
        assert_eq!(coloured(plain), 0, "{name} without colour");
        assert!(coloured(&colour) > 0, "{name} in colour");
    }
    // Without colour, emphasis carries the meaning: the cursor's row is
    // reversed, a decided row dim, the current tab reversed.
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::CycleFilter);
    app.update(Action::CycleFilter);
    app.update(Action::CycleFilter);
    app.update(Action::CycleFilter);
    assert_eq!(app.filter, Filter::All);
    let decided = app.current().unwrap().from().to_string();
    app.update(Action::Accept);
    let buf = buffer(&app, 100, 30);
    assert!(
        style_of(&buf, "▸")
            .add_modifier
            .contains(Modifier::REVERSED)
    );
    assert!(
        style_of(&buf, &decided)
            .add_modifier
            .contains(Modifier::DIM)
    );
    assert!(
        style_of(&buf, "1 Customised")
            .add_modifier
            .contains(Modifier::REVERSED)
    );
}

/// Each group has one colour, and what is wrong is red and bold, in every
/// pane that says it.
#[test]
fn colours_carry_the_groups_and_the_verdicts() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_color(Source::Sample, dir.path(), true);
    let fg = |buf: &Buffer, needle| look(buf, needle).0;
    let red_bold = (Color::Red, Modifier::BOLD);

    // Keys cyan and bold; the cursor's row on its own background, bold; a
    // mark and the count of marks yellow and bold.
    let list = buffer(&app, 100, 30);
    assert_eq!(look(&list, "a accept"), (Color::Cyan, Modifier::BOLD));
    let cursor = style_of(&list, "▸");
    assert_eq!(cursor.bg, Some(Color::Indexed(236)));
    assert_eq!(cursor.fg, Some(Color::White));
    assert!(cursor.add_modifier.contains(Modifier::BOLD));
    // On the All tab, the cursor's row writes its group white on the bar
    // too (a blue `default` on the grey hardly showed); the others keep
    // their group's colour.
    app.update(Action::Tab(Tab::All));
    let all = buffer(&app, 100, 30);
    let label_at = |needle: &str| {
        let arrow = (0..all.area.height)
            .find_map(|y| {
                (0..all.area.width)
                    .find(|&x| all[(x, y)].symbol() == needle)
                    .map(|x| (x, y))
            })
            .unwrap();
        all[(arrow.0 + 3, arrow.1)].style()
    };
    assert_eq!(label_at("▸").fg, Some(Color::White));
    assert_eq!(label_at("▸").bg, Some(Color::Indexed(236)));
    app.update(Action::Tab(Tab::Customised));
    app.update(Action::Mark);
    let marked = buffer(&app, 100, 30);
    assert_eq!(look(&marked, "1 marked"), (Color::Yellow, Modifier::BOLD));
    assert_eq!(look(&marked, "•"), (Color::Yellow, Modifier::BOLD));
    app.update(Action::Cancel);

    app.update(Action::Stats);
    let stats = buffer(&app, 100, 30);
    assert_eq!(look(&stats, "decisions "), (Color::Reset, Modifier::BOLD));
    assert_eq!(fg(&stats, "customised    "), Color::Green);
    assert_eq!(fg(&stats, "greeting-only  "), Color::Yellow);
    assert_eq!(fg(&stats, "default       "), Color::Blue);
    app.update(Action::Cancel);

    // The current tab is reversed and bold, in its group's colour.
    let list = buffer(&app, 100, 30);
    let current = (Color::Green, Modifier::REVERSED | Modifier::BOLD);
    assert_eq!(look(&list, "1 Customised"), current);
    assert_eq!(
        look(&list, "2 Greeting-only"),
        (Color::Yellow, Modifier::empty())
    );
    // The detail pane and the composer name the group in its colour.
    assert_eq!(
        fg(&buffer(&app, 100, 30), "customised · context"),
        Color::Green
    );
    app.update(Action::Reply);
    assert_eq!(fg(&buffer(&app, 100, 30), "(customised)"), Color::Green);
    // A draft over LinkedIn's 8,000 characters has its count in red.
    app.update(Action::EditorDone(Ok("x".repeat(8000).into())));
    // Faint, not dark grey (Solarized Dark's background).
    let dim = (Color::Reset, Modifier::DIM);
    assert_eq!(look(&buffer(&app, 100, 30), "8000 chars"), dim);
    app.update(Action::EditorDone(Ok("x".repeat(8001).into())));
    assert_eq!(look(&buffer(&app, 100, 30), "8001 chars"), red_bold);
    // An error on the status line is red and bold (an editor that left
    // its file empty).
    app.update(Action::EditorDone(Ok(" ".into())));
    assert!(app.status.as_ref().unwrap().error);
    assert_eq!(look(&buffer(&app, 100, 30), status_text(&app)), red_bold);
    app.update(Action::Cancel);
    app.update(Action::ComposeKey(key('y')));
    assert_eq!(app.mode, Mode::List);

    // Under the "all" filter a decided row is dimmed, an undecided one not;
    // the cursor's row is highlighted whatever it holds.
    show_all(&mut app);
    let decided = app.current().unwrap().from().to_string();
    app.update(Action::Accept);
    let undecided = app.current().unwrap().from().to_string();
    app.update(Action::Down);
    let list = buffer(&app, 100, 30);
    assert_eq!(look(&list, &decided), dim);
    assert_eq!(look(&list, &undecided), (Color::Reset, Modifier::empty()));
    for _ in 0..3 {
        if current_name(&app) != decided {
            app.update(Action::Up);
        }
    }
    assert_eq!(current_name(&app), decided);
    // Light text on the cursor's dark bar, whatever the terminal's own.
    assert_eq!(
        look(&buffer(&app, 100, 30), &decided),
        (Color::White, Modifier::BOLD)
    );

    // The check pad: what is missing red, what is found green, a pitch
    // magenta, as `invitriage check` says them.
    app.update(Action::Check);
    for c in "We met at the forum. Buy our leads at www.example.com".chars() {
        app.update(Action::ComposeKey(key(c)));
    }
    let check = buffer(&app, 100, 30);
    assert_eq!(look(&check, "✗ offer"), red_bold);
    assert_eq!(fg(&check, "✓ context"), Color::Green);
    assert_eq!(fg(&check, "! pitch"), Color::Magenta);
    assert_eq!(fg(&check, "ready to send"), Color::Green);
    app.update(Action::ComposeKey(KeyEvent::new(
        KeyCode::Home,
        KeyModifiers::NONE,
    )));
    for _ in 0.."We met at the forum. ".len() {
        app.update(Action::ComposeKey(KeyEvent::new(
            KeyCode::Delete,
            KeyModifiers::NONE,
        )));
    }
    assert_eq!(look(&buffer(&app, 100, 30), "not ready"), red_bold);
}

/// A person who invites again (ignored before, or a sent invitation
/// withdrawn) keeps the id of the earlier invitation; the decision on that
/// one does not carry over to the new one.
#[test]
fn an_invitation_sent_after_a_decision_is_undecided_again() {
    let csv = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n\
        Ann Lee,Colleen Ruiz,\"11/21/26, 9:00 AM\",,INCOMING,https://www.linkedin.com/in/ann,https://www.linkedin.com/in/colleen\n\
        Bo Park,Colleen Ruiz,\"11/20/26, 9:00 AM\",,INCOMING,https://www.linkedin.com/in/bo,https://www.linkedin.com/in/colleen\n\
        Colleen Ruiz,Cy Dunn,\"11/19/26, 9:00 AM\",,OUTGOING,https://www.linkedin.com/in/colleen,https://www.linkedin.com/in/cy\n";
    let dir = tempfile::tempdir().unwrap();
    let ids: Vec<_> = app_from_csv(csv, &dir)
        .invitations
        .iter()
        .map(|i| i.id)
        .collect();
    let at = |s| import::parse_sent_at(s).unwrap();
    {
        let (mut j, _) = Journal::open(&dir.path().join("data")).unwrap();
        // Ann: ignored six weeks before this invitation, so an earlier one.
        j.record_decision(
            &ids[..1],
            Some(Decision::Ignored),
            at("2026-10-01T10:00:00"),
        )
        .unwrap();
        // Bo: decided on the evening before it was sent by LinkedIn's
        // clock, which a time zone can do: this one.
        j.record_decision(
            &ids[1..2],
            Some(Decision::Accepted),
            at("2026-11-19T20:00:00"),
        )
        .unwrap();
        // Cy: withdrawn, then invited again.
        j.record_decision(
            &ids[2..],
            Some(Decision::Withdrawn),
            at("2026-09-01T10:00:00"),
        )
        .unwrap();
    }
    let mut app = app_from_csv(csv, &dir);
    assert_eq!(app.decisions, [None, Some(Decision::Accepted), None]);
    // Ann's is news too (after the last step): counted with the others.
    // Ann's invitation, sent after Bo's accept, says this export was made
    // since, and still has Bo pending: that accept is to do.
    assert_eq!(
        app.notices,
        [
            "an invitation you accepted more than a day before this export was made is still pending in it (Bo Park): not done on LinkedIn yet, so do it there (the checklist lists it whatever `--since` says)",
            "1 invitation came after your last step (19 Nov 2026), from someone you decided on before: at the top of Default, newest first",
            "2 invitations are newer than an earlier one you decided on (Ann Lee, Cy Dunn): undecided again"
        ]
    );
    app.update(Action::Tab(Tab::All));
    assert_eq!(current_name(&app), "Ann Lee");
    let out = screen(&app, 100, 24);
    assert!(
        out.contains(
            "an earlier invitation from them: ignored 1 Oct 2026 (7 weeks ago), before this one was sent"
        ),
        "{out}"
    );
    app.update(Action::Tab(Tab::Sent));
    let out = screen(&app, 100, 24);
    assert!(
        out.contains("an earlier invitation to them: withdrawn 1 Sep 2026"),
        "{out}"
    );

    // Deciding on it is a step like any other, and holds from then on.
    app.update(Action::Tab(Tab::All));
    app.update(Action::Accept);
    drop(app);
    let app = app_from_csv(csv, &dir);
    assert_eq!(
        app.decisions,
        [Some(Decision::Accepted), Some(Decision::Accepted), None]
    );
    assert_eq!(
        app.notices,
        [
            "an invitation you accepted more than a day before this export was made is still pending in it (Bo Park): not done on LinkedIn yet, so do it there (the checklist lists it whatever `--since` says)",
            "You invited Cy Dunn again after withdrawing: pending again, not to withdraw"
        ]
    );
    drop(app);
    {
        let (mut j, _) = Journal::open(&dir.path().join("data")).unwrap();
        j.record_decision(
            &ids[1..2],
            Some(Decision::Replied),
            at("2026-10-01T10:00:00"),
        )
        .unwrap();
        j.record_decision(
            &ids[2..],
            Some(Decision::Withdrawn),
            at("2026-11-25T10:00:00"),
        )
        .unwrap();
    }
    let mut app = app_from_csv(csv, &dir);
    assert_eq!(
        app.notices,
        ["Bo Park invited you again (you replied to their earlier invitation): undecided again"]
    );
    // The undo of a step on the earlier invitation says why nothing
    // changes on screen.
    // Two hours after it was made: an earlier list may have had it done.
    app.update(Action::Undo);
    assert_eq!(
        status_text(&app),
        "Undid withdraw: Cy Dunn · if withdrawn on LinkedIn already, invite them again there"
    );
    // A step of an earlier day says which.
    app.update(Action::Undo);
    assert_eq!(
        status_text(&app),
        "Undid reply of 1 Oct: Bo Park (on an earlier invitation: this one stays undecided)"
    );
}

/// Accepting moves on; the thank-you key right after it is for the one
/// accepted, as the status says, and no longer once another key came.
#[test]
fn a_thank_you_right_after_an_accept_is_for_the_accepted() {
    use invitriage::journal::DraftKind;
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let first = current_name(&app);
    let idx = app.current().map(|i| i.line).unwrap();
    app.update(Action::Accept);
    assert_ne!(current_name(&app), first, "the cursor moved on");
    assert_eq!(
        status_text(&app),
        format!("Accepted {first} · t thanks them · u to undo")
    );
    app.update(Action::ThankYou);
    let c = app.composer.as_ref().expect("the composer opens");
    assert_eq!(c.kind(), DraftKind::ThankYou);
    assert_eq!(app.invitations[c.index as usize].line, idx);
    let out = screen(&app, 80, 24);
    assert!(
        out.contains(&format!("Thank {first} for connecting")),
        "{out}"
    );
    app.update(Action::Cancel);
    assert!(app.composer.is_none());
    // Saved, the list stays on the next person, where the accept left it.
    let next = current_name(&app);
    app.update(Action::Accept);
    app.update(Action::ThankYou);
    app.update(Action::ComposeSave);
    assert!(app.composer.is_none());
    assert_ne!(current_name(&app), next, "not back on the one thanked");
    app.update(Action::Up);
    assert_eq!(current_name(&app), next);
    // Another key in between: `t` is for the row under the cursor.
    app.update(Action::Accept);
    app.update(Action::Down);
    app.update(Action::ThankYou);
    assert!(app.composer.is_none());
    assert_eq!(
        status_text(&app),
        "A thank-you follows an accept: a accepts first"
    );
    // On an ignored one, the advice says it is ignored.
    app.update(Action::Ignore);
    app.update(Action::Up);
    app.update(Action::ThankYou);
    assert!(app.composer.is_none());
    assert_eq!(
        status_text(&app),
        "A thank-you follows an accept, and this invitation is ignored: a accepts it instead"
    );
}

/// The Sent tab has no filter: `f` there changes nothing, out of sight
/// on the other tabs included.
#[test]
fn the_filter_key_on_the_sent_tab_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Tab(Tab::Sent));
    app.update(Action::CycleFilter);
    assert_eq!(app.filter, Filter::Undecided);
    assert_eq!(
        status_text(&app),
        "The Sent tab lists every invitation you sent; the filter (undecided) is for the other tabs"
    );
    app.update(Action::Tab(Tab::Customised));
    assert!(screen(&app, 80, 24).contains("filter: undecided"));
}

/// A reply saved, then an accept after all: the thank-you is what is
/// sent, and the pane and `c` agree on it.
#[test]
fn after_an_accept_the_thank_you_is_the_draft_to_send() {
    // The whole detail pane, scrolled through.
    fn pane(app: &mut App) -> String {
        let mut all = screen(app, 80, 24);
        for _ in 0..30 {
            app.update(Action::DetailDown);
            all.push_str(&screen(app, 80, 24));
        }
        for _ in 0..30 {
            app.update(Action::DetailUp);
        }
        all
    }
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Reply);
    app.update(Action::Paste("First version".into()));
    app.update(Action::ComposeSave);
    app.update(Action::Up);
    let out = pane(&mut app);
    assert!(out.contains("reply drafted today · c copies it"), "{out}");
    app.update(Action::Accept);
    app.update(Action::ThankYou);
    app.update(Action::Paste("A call next week?".into()));
    app.update(Action::ComposeSave);
    // The list stayed on the next person, where the accept left it.
    app.update(Action::Up);
    let out = pane(&mut app);
    assert!(
        out.contains("reply drafted today, before accepting"),
        "{out}"
    );
    assert!(
        out.contains("thank-you drafted today · c copies it"),
        "{out}"
    );
    assert!(matches!(
        app.update(Action::CopyDraft),
        Some(Effect::Copy { text, .. }) if text.contains("A call next week?")
    ));
    // Ignored after all: nothing is sent, and the drafts stay for an undo.
    app.update(Action::Ignore);
    app.update(Action::Up);
    let out = pane(&mut app);
    assert!(
        out.contains("reply drafted today, not sent: ignored"),
        "{out}"
    );
    assert!(
        out.contains("thank-you drafted today, for after accepting"),
        "{out}"
    );
    assert_eq!(app.update(Action::CopyDraft), None);
    assert_eq!(
        status_text(&app),
        "Nothing to send: you ignored this invitation"
    );
    // Undone, the reply is the one again.
    app.update(Action::Undo);
    let out = pane(&mut app);
    assert!(
        out.contains("reply drafted today, before accepting"),
        "{out}"
    );
}

/// `c` with no draft names the key that writes one, where there is one.
#[test]
fn copy_without_a_draft_points_at_the_key_that_writes_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    assert_eq!(app.update(Action::CopyDraft), None);
    let name = current_name(&app);
    assert_eq!(
        status_text(&app),
        format!("No draft for {name}'s invitation · r drafts a reply")
    );
    app.update(Action::Accept);
    app.update(Action::Up);
    app.update(Action::CopyDraft);
    assert_eq!(status_text(&app), "No thank-you drafted · t writes one");
    app.update(Action::Tab(Tab::Sent));
    app.update(Action::CopyDraft);
    assert_eq!(
        status_text(&app),
        "No draft: you sent this invitation, there is nothing to answer"
    );
}

/// Undoing an edit of a saved reply leaves the reply saved before it (the
/// row stays replied): the status said "Undid reply draft · r brings its
/// text back", as if the reply were gone. It says the edit was undone, and
/// `r` offers the edited words. Undone next, the first reply goes too, and
/// `r` still offers the edited words, the newest (they were lost under the
/// first text), also after they were set aside with Esc, y.
#[test]
fn undoing_an_edit_of_a_reply_says_so_and_keeps_the_edit() {
    let text = |app: &App| app.composer.as_ref().unwrap().message();
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let id = app.current().unwrap().id;
    let name = app.current().unwrap().from().to_string();
    app.update(Action::Reply);
    app.update(Action::Paste("VERSION1".into()));
    let first = text(&app);
    app.update(Action::ComposeSave);
    go_to(&mut app, id);
    app.update(Action::Reply);
    app.update(Action::Paste(" and more".into()));
    let edited = text(&app);
    assert!(edited.contains("VERSION1 and more"), "{edited}");
    app.update(Action::ComposeSave);

    app.update(Action::Undo);
    assert_eq!(
        status_text(&app),
        format!(
            "Undid the edit of the reply to {name}: back to the text saved before · r brings the edited words back"
        )
    );
    let i = app.invitations.iter().position(|inv| inv.id == id).unwrap();
    assert_eq!(app.decisions[i], Some(Decision::Replied), "still replied");
    assert_eq!(app.current().unwrap().id, id);
    app.update(Action::Reply);
    assert_eq!(text(&app), edited, "r offers the edited words");
    // Closed: set aside, the saved reply is the one r opens.
    app.update(Action::Cancel);
    app.update(Action::ComposeKey(key('y')));
    app.update(Action::Reply);
    assert_eq!(text(&app), first);
    app.update(Action::Cancel);

    app.update(Action::Undo);
    assert_eq!(
        status_text(&app),
        format!("Undid reply draft: {name} · r brings back the newest edited words")
    );
    assert_eq!(app.decisions[i], None);
    app.update(Action::Reply);
    assert_eq!(text(&app), edited, "the newest words, not the first");
    assert_eq!(
        status_text(&app),
        "Your undone reply is back: Ctrl-S saves it again"
    );
    app.update(Action::Cancel);
    app.update(Action::ComposeKey(key('y')));
    // And after a restart.
    drop(app);
    let mut app = sample_app(dir.path());
    go_to(&mut app, id);
    app.update(Action::Reply);
    assert_eq!(text(&app), edited);
}

/// A reply saved on an ignored invitation turns it into replied: the
/// status says what it replaced ("was ignored"), as an accept over another
/// decision does, and an undo says it is ignored again. So with a saved
/// reply saved again unchanged (only the decision is new), and with a
/// draft the start reopened on a row ignored since it was left for later.
#[test]
fn a_reply_saved_on_an_ignored_row_says_it_was_ignored() {
    let was_ignored =
        |name: &str| format!("saved reply to {name} (marked replied, was ignored; u undoes)");
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let name = app.current().unwrap().from().to_string();
    app.update(Action::Ignore);
    app.update(Action::Up);
    app.update(Action::Reply);
    app.update(Action::ComposeKey(key('K')));
    assert!(matches!(
        app.update(Action::ComposeSave),
        Some(Effect::Copy { label, .. }) if label == was_ignored(&name)
    ));
    app.update(Action::Undo);
    assert_eq!(
        status_text(&app),
        format!("Undid reply draft: {name} (ignored again) · r brings its text back")
    );
    // A new reply on an undecided row replaces nothing.
    app.update(Action::Down);
    let next = app.current().unwrap().from().to_string();
    let next_id = app.current().unwrap().id;
    app.update(Action::Reply);
    app.update(Action::ComposeKey(key('L')));
    assert!(matches!(
        app.update(Action::ComposeSave),
        Some(Effect::Copy { label, .. })
            if label == format!("saved reply to {next} (marked replied; u undoes)")
    ));
    // Ignored since: the saved reply, saved again as it is.
    go_to(&mut app, next_id);
    app.update(Action::Ignore);
    app.update(Action::Up);
    assert_eq!(app.current().unwrap().from(), next);
    app.update(Action::Reply);
    assert!(matches!(
        app.update(Action::ComposeSave),
        Some(Effect::Copy { label, .. }) if label == was_ignored(&next)
    ));

    // Left for later, then ignored: the next start opens it again.
    app.update(Action::Down);
    let third = app.current().unwrap().id;
    app.update(Action::Reply);
    type_and_leave_for_later(&mut app, 'M');
    app.update(Action::Ignore);
    leave(&mut app);
    drop(app);
    let mut app = sample_app(dir.path());
    assert_eq!(app.mode, Mode::Compose);
    let c = app.composer.as_ref().unwrap();
    let inv = &app.invitations[c.index as usize];
    assert_eq!(inv.id, third);
    let name = inv.from().to_string();
    assert!(matches!(
        app.update(Action::ComposeSave),
        Some(Effect::Copy { label, .. }) if label == was_ignored(&name)
    ));
}

/// `c` on a row whose thank-you or reply was left for later (Esc, l) says
/// that words are waiting unsaved and which key opens them to save: it
/// said "No thank-you drafted · t writes one" while the detail pane said
/// "thank-you left for later, not saved". Over a saved draft, the copy
/// says it is the saved words, not the changes left for later.
#[test]
fn copy_names_a_draft_left_for_later() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let name = app.current().unwrap().from().to_string();
    app.update(Action::Accept);
    app.update(Action::ThankYou);
    type_and_leave_for_later(&mut app, 'Z');
    app.update(Action::Up);
    app.update(Action::Down);
    app.update(Action::Up);
    assert_eq!(app.current().unwrap().from(), name);
    assert_eq!(app.update(Action::CopyDraft), None);
    assert_eq!(
        status_text(&app),
        format!(
            "Nothing copied: your thank-you to {name} is left for later, not saved · t opens it to save"
        )
    );
    // As it says: t opens it, and saved, c copies it.
    app.update(Action::ThankYou);
    assert!(app.composer.as_ref().unwrap().text().contains('Z'));
    app.update(Action::ComposeSave);
    assert!(matches!(
        app.update(Action::CopyDraft),
        Some(Effect::Copy { text, label })
            if text.contains('Z') && label == format!("thank-you to {name}")
    ));
    // Changed and left for later again: the saved words are copied, and
    // said to be.
    app.update(Action::ThankYou);
    type_and_leave_for_later(&mut app, 'Q');
    assert!(matches!(
        app.update(Action::CopyDraft),
        Some(Effect::Copy { text, label })
            if !text.contains('Q') && label == format!(
                "thank-you to {name} as saved, not your changes left for later (t opens them)"
            )
    ));

    // A reply left for later, on an undecided row, then ignored.
    app.update(Action::Down);
    let name = app.current().unwrap().from().to_string();
    app.update(Action::Reply);
    type_and_leave_for_later(&mut app, 'R');
    assert_eq!(app.update(Action::CopyDraft), None);
    assert_eq!(
        status_text(&app),
        format!(
            "Nothing copied: your reply to {name} is left for later, not saved · r opens it to save"
        )
    );
    app.update(Action::Ignore);
    // Moved on: `c` is for the one just ignored, `r` is not.
    assert_ne!(app.current().unwrap().from(), name);
    assert_eq!(app.update(Action::CopyDraft), None);
    assert_eq!(
        status_text(&app),
        format!(
            "Nothing to send: you ignored this invitation · your reply to {name} is left for later, not saved (r on their row opens it)"
        )
    );
}

/// `c` on an accepted row whose reply was left for later (then the accept
/// came) says where the reply is, and the way to it that works now (`u`
/// while the accept is the newest step, else `r` on their row, which asks
/// to reply instead): it said "No thank-you drafted · t writes one", as if
/// no words were waiting.
#[test]
fn copy_names_a_reply_left_for_later_on_an_accepted_row() {
    use invitriage::journal::DraftKind;
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let who = app.current().unwrap().id;
    let name = current_name(&app);
    app.update(Action::Reply);
    type_and_leave_for_later(&mut app, 'x');
    go_to(&mut app, who);
    app.update(Action::Accept);
    // Moved on: `c` is for the one just accepted.
    assert_ne!(app.current().unwrap().id, who);
    let waits = |route: &str| {
        format!(
            "Nothing copied: your reply to {name} is left for later, not saved: a reply is instead of accepting, and they are accepted now ({route}) · t writes a thank-you"
        )
    };
    assert_eq!(app.update(Action::CopyDraft), None);
    assert_eq!(status_text(&app), waits("u undoes the accept"));
    // A step on someone else since: `u` would undo that.
    app.update(Action::Ignore);
    go_to(&mut app, who);
    assert_eq!(app.update(Action::CopyDraft), None);
    let twice = "r on their row asks to reply instead";
    assert_eq!(status_text(&app), waits(twice));
    // As it says: r asks, and again opens the reply.
    app.update(Action::Reply);
    app.update(Action::Reply);
    assert_eq!(app.mode, Mode::Compose);
    assert!(app.composer.as_ref().unwrap().text().contains('x'));
    app.update(Action::Cancel);
    app.update(Action::ComposeKey(key('l')));
    assert_eq!(app.mode, Mode::List, "left for later again");
    assert!(app.journal.unsaved(who, DraftKind::Reply).is_some());

    // A thank-you left for later too: that is what an accept sends, and
    // the reply is said after it.
    app.update(Action::ThankYou);
    type_and_leave_for_later(&mut app, '!');
    assert_eq!(app.update(Action::CopyDraft), None);
    assert_eq!(
        status_text(&app),
        format!(
            "Nothing copied: your thank-you to {name} is left for later, not saved · t opens it to save · so is your reply, which is instead of accepting ({twice})"
        )
    );
    // Saved, the thank-you is copied, and the reply still named.
    app.update(Action::ThankYou);
    app.update(Action::ComposeSave);
    assert!(matches!(
        app.update(Action::CopyDraft),
        Some(Effect::Copy { text, label })
            if text.contains('!') && label == format!(
                "thank-you to {name}; your reply left for later is instead of accepting ({twice})"
            )
    ));
}

/// `c` on an ignored row whose thank-you was left for later (written
/// after an accept, which an ignore then replaced) names the thank-you
/// and the way to it, which works.
#[test]
fn copy_names_a_thank_you_left_for_later_on_an_ignored_row() {
    use invitriage::journal::DraftKind;
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let who = app.current().unwrap().id;
    let name = current_name(&app);
    app.update(Action::Accept);
    go_to(&mut app, who);
    app.update(Action::ThankYou);
    type_and_leave_for_later(&mut app, '!');
    app.update(Action::Ignore);
    go_to(&mut app, who);
    assert_eq!(app.update(Action::CopyDraft), None);
    assert_eq!(
        status_text(&app),
        format!(
            "Nothing to send: you ignored this invitation · your thank-you to {name} is left for later, not saved, and follows an accept (a accepts it instead, then t opens it)"
        )
    );
    // As it says.
    app.update(Action::Accept);
    go_to(&mut app, who);
    app.update(Action::ThankYou);
    assert_eq!(app.mode, Mode::Compose);
    assert!(app.composer.as_ref().unwrap().text().contains('!'));
    assert!(app.journal.unsaved(who, DraftKind::ThankYou).is_some());
}

/// The last row shown decided, with undecided ones hidden by the filter
/// on this tab: the status says so, not "go to" this same tab.
#[test]
fn all_shown_decided_with_undecided_hidden_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    for _ in 0..3 {
        app.update(Action::Ignore);
    }
    // Ignored ones only; one of them accepted now.
    app.update(Action::CycleFilter);
    app.update(Action::CycleFilter);
    assert_eq!(app.filter, Filter::Ignored);
    app.update(Action::Accept);
    assert!(
        status_text(&app).ends_with(
            " · all shown here decided · 10 undecided hidden by the filter (f cycles it)"
        ),
        "{}",
        status_text(&app)
    );
}

/// A long paste taken back leaves the draft in view from its start, not
/// scrolled down to where the paste ended.
#[test]
fn an_undone_paste_shows_the_draft_from_its_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Reply);
    assert!(screen(&app, 80, 24).contains("│Hi Kenji,"));
    app.update(Action::Paste("word ".repeat(400)));
    assert!(
        !screen(&app, 80, 24).contains("│Hi Kenji,"),
        "scrolled down"
    );
    let undo = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL);
    app.update(Action::ComposeKey(undo));
    let out = screen(&app, 80, 24);
    assert!(out.contains("│Hi Kenji,"), "{out}");
    assert!(!out.contains("word word"), "{out}");
}

/// Many invited again: the newest three are named, the rest counted.
#[test]
fn many_invited_again_are_named_three_at_most() {
    let mut csv =
        String::from("From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n");
    for (day, name) in ["Ann", "Bo", "Cy", "Di", "Ed"].iter().enumerate() {
        csv.push_str(&format!(
            "{name} Lee,Colleen Ruiz,\"11/{}/26, 9:00 AM\",,INCOMING,https://www.linkedin.com/in/{name},https://www.linkedin.com/in/colleen\n",
            day + 10
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    let ids: Vec<_> = app_from_csv(&csv, &dir)
        .invitations
        .iter()
        .map(|i| i.id)
        .collect();
    {
        let (mut j, _) = Journal::open(&dir.path().join("data")).unwrap();
        let at = import::parse_sent_at("2026-10-01T10:00:00").unwrap();
        j.record_decision(&ids, Some(Decision::Ignored), at)
            .unwrap();
    }
    let app = app_from_csv(&csv, &dir);
    assert_eq!(
        app.notices,
        [
            "5 invitations came after your last step (1 Oct 2026), all from people you decided on before: at the top of Default, newest first",
            "5 invitations are newer than an earlier one you decided on (Ed Lee, Di Lee, Cy Lee and 2 more): undecided again"
        ]
    );
    drop(app);
    // With someone new among them, the count says how many are again.
    csv.push_str("Fay Lee,Colleen Ruiz,\"11/20/26, 9:00 AM\",,INCOMING,https://www.linkedin.com/in/fay,https://www.linkedin.com/in/colleen\n");
    let app = app_from_csv(&csv, &dir);
    assert_eq!(
        app.notices[0],
        "6 invitations came after your last step (1 Oct 2026), 5 of them from people you decided on before: at the top of Default, newest first"
    );
}

/// Ctrl-S on a saved reply left as it was copies it again and writes no
/// second line: the checklist would call it edited today. `c` names whose
/// draft it copies.
#[test]
fn saving_an_unchanged_draft_copies_it_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let who = app.current().unwrap().id;
    let name = app.current().unwrap().from().to_string();
    app.update(Action::Reply);
    app.update(Action::ComposeKey(key('A')));
    let text = app.composer.as_ref().unwrap().message();
    app.update(Action::ComposeSave);
    let journal = dir.path().join("journal.jsonl");
    let lines = std::fs::read_to_string(&journal).unwrap().lines().count();
    go_to(&mut app, who);
    app.update(Action::Reply);
    let copy = app.update(Action::ComposeSave);
    assert_eq!(
        std::fs::read_to_string(&journal).unwrap().lines().count(),
        lines,
        "no second line"
    );
    match copy {
        Some(Effect::Copy {
            text: copied,
            label,
        }) => {
            assert_eq!(copied, text);
            assert!(
                label.starts_with(&format!("reply to {name}, unchanged since ")),
                "{label}"
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(app.mode, Mode::List);
    // An edit is saved.
    app.update(Action::Reply);
    app.update(Action::ComposeKey(key('B')));
    app.update(Action::ComposeSave);
    assert_eq!(
        std::fs::read_to_string(&journal).unwrap().lines().count(),
        lines + 1
    );
    go_to(&mut app, who);
    match app.update(Action::CopyDraft) {
        Some(Effect::Copy { label, .. }) => assert_eq!(label, format!("reply to {name}")),
        other => panic!("{other:?}"),
    }
    // Ignored since, the reply saved again unchanged: only the decision is
    // written, so the checklist does not call the reply edited.
    app.update(Action::Ignore);
    go_to(&mut app, who);
    app.update(Action::Reply);
    app.update(Action::ComposeSave);
    let text = std::fs::read_to_string(&journal).unwrap();
    assert_eq!(
        text.lines().count(),
        lines + 3,
        "the ignore and one line more"
    );
    assert!(
        text.lines().last().unwrap().contains("\"op\":\"decide\""),
        "{text}"
    );
    assert_eq!(
        app.journal.state(who).unwrap().decision(),
        Some(Decision::Replied)
    );
}

/// An undone edit over a saved reply: discarded, it is set aside, and the
/// composer opens on the saved reply as the message says; before, it came
/// back on every r and the saved words could not be reached.
#[test]
fn an_undone_edit_discarded_leaves_the_saved_draft_to_open() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let who = app.current().unwrap().id;
    app.update(Action::Reply);
    app.update(Action::ComposeKey(key('A')));
    let first = app.composer.as_ref().unwrap().message();
    app.update(Action::ComposeSave);
    go_to(&mut app, who);
    app.update(Action::Reply);
    app.update(Action::ComposeKey(key('B')));
    let second = app.composer.as_ref().unwrap().message();
    assert_ne!(first, second);
    app.update(Action::ComposeSave);
    app.update(Action::Undo);
    go_to(&mut app, who);
    app.update(Action::Reply);
    assert_eq!(
        app.composer.as_ref().unwrap().message(),
        second,
        "the undone edit is offered"
    );
    app.update(Action::Cancel);
    app.update(Action::ComposeKey(key('y')));
    assert_eq!(
        status_text(&app),
        "Undone words set aside for this run; r opens the saved reply again"
    );
    app.update(Action::Reply);
    assert_eq!(
        app.composer.as_ref().unwrap().message(),
        first,
        "the saved reply"
    );
}

/// Closing an undone reply names the F key of the template this
/// invitation's reply starts from: a greeting-only note's is F2, not F1,
/// and that key gives it.
#[test]
fn closing_an_undone_reply_names_its_own_template_key() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Tab(Tab::GreetingOnly));
    let template = |app: &App| {
        let c = app.composer.as_ref().unwrap();
        app.templates.list[c.template].name.clone()
    };
    app.update(Action::Reply);
    let own = template(&app);
    assert_eq!(app.composer.as_ref().unwrap().number(&app.templates), 2);
    app.update(Action::ComposeKey(key('x')));
    app.update(Action::ComposeSave);
    app.update(Action::Undo);
    app.update(Action::Reply);
    app.update(Action::Cancel);
    app.update(Action::ComposeKey(key('y')));
    assert_eq!(
        status_text(&app),
        "Draft closed; r offers the undone reply again (F2 there starts from its template)"
    );
    app.update(Action::Reply);
    app.update(Action::ComposeTemplate(1));
    app.update(Action::ComposeKey(key('y')));
    assert_eq!(template(&app), own, "F2 gives it, as said");
}

/// Undoing a saved reply keeps its words: `r` opens the composer on them
/// again, also after a restart; saving brings the reply back.
#[test]
fn an_undone_reply_comes_back_with_its_words() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let who = app.current().unwrap().id;
    app.update(Action::Reply);
    for c in " Yes, the WMS migration".chars() {
        app.update(Action::ComposeKey(key(c)));
    }
    let written = app.composer.as_ref().unwrap().message();
    app.update(Action::ComposeSave);
    app.update(Action::Undo);
    assert!(
        status_text(&app).ends_with(" · r brings its text back"),
        "{}",
        status_text(&app)
    );
    assert_eq!(app.current().unwrap().id, who);
    drop(app);
    let mut app = sample_app(dir.path());
    let row = app
        .rows
        .iter()
        .position(|&i| app.invitations[i as usize].id == who);
    app.update(Action::First);
    for _ in 0..row.unwrap() {
        app.update(Action::Down);
    }
    app.update(Action::Reply);
    assert_eq!(app.composer.as_ref().unwrap().message(), written);
    assert_eq!(
        status_text(&app),
        "Your undone reply is back: Ctrl-S saves it again"
    );
    // Titled for what it is: not a draft an interrupted run left.
    let out = screen(&app, 100, 30);
    assert!(out.contains(" undone, not saved yet "), "{out}");
    // Esc does not promise to discard what the journal keeps: it closes,
    // and says r offers it again.
    app.update(Action::Cancel);
    assert!(
        status_text(&app).starts_with("Close this draft? As an undone one, r offers it again"),
        "{}",
        status_text(&app)
    );
    app.update(Action::ComposeKey(key('y')));
    assert_eq!(
        status_text(&app),
        "Draft closed; r offers the undone reply again (F3 there starts from its template)"
    );
    app.update(Action::Reply);
    assert_eq!(app.composer.as_ref().unwrap().message(), written, "as said");
    app.update(Action::ComposeSave);
    assert_eq!(
        app.journal.state(who).unwrap().reply.as_ref().unwrap().text,
        written
    );
}

/// An export of Ann Lee's invitation alone, opened on a journal whose last
/// step, made by `step` on 24 Nov at 09:05, is on an invitation (id 7)
/// that is not in it.
fn after_a_step_elsewhere(
    dir: &tempfile::TempDir,
    step: impl FnOnce(&mut Journal, invitriage::invitation::InvitationId, NaiveDateTime),
) -> App {
    {
        let (mut j, _) = Journal::open(&dir.path().join("data")).unwrap();
        let at = import::parse_sent_at("2026-11-24T09:05:00").unwrap();
        step(&mut j, invitriage::invitation::InvitationId(7), at);
    }
    app_from_csv(
        "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n\
         Ann Lee,Colleen Ruiz,\"11/21/26, 4:02 PM\",,INCOMING,https://www.linkedin.com/in/ann,https://www.linkedin.com/in/colleen\n",
        dir,
    )
}

/// A step on an invitation not in this export names the person where a
/// draft kept the name.
#[test]
fn undo_waiting_for_another_export_names_whom_it_can() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = after_a_step_elsewhere(&dir, |j, id, at| {
        let to = Whom::new("Abena Reyes", "https://www.linkedin.com/in/abena");
        j.record_draft_to(
            id,
            invitriage::journal::DraftKind::Reply,
            "Hi Abena",
            at,
            to,
        )
        .unwrap();
    });
    app.update(Action::Undo);
    assert!(
        status_text(&app)
            .starts_with("Not undone: the last step (reply draft, Abena Reyes, 24 Nov 09:05) is on an invitation not in this export"),
        "{}",
        status_text(&app)
    );
}

/// Steps under one that waits for another export wait too: the message
/// says so, and how to change a decision here instead (on the Sent tab, a
/// withdraw mark).
#[test]
fn undo_waiting_says_the_steps_under_it_wait_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Ignore);
    let at = import::parse_sent_at("2026-11-24T09:05:00").unwrap();
    app.journal
        .record_decision(
            &[invitriage::invitation::InvitationId(7)],
            Some(Decision::Accepted),
            at,
        )
        .unwrap();
    app.update(Action::Undo);
    assert_eq!(
        status_text(&app),
        "Not undone: the last step (accept, 24 Nov 09:05) is on an invitation not in this export, and the steps before it wait for it · to change a decision here, a or i on its row"
    );
    app.update(Action::Tab(Tab::Sent));
    app.update(Action::Undo);
    assert!(
        status_text(&app).ends_with(" · to change a mark here, x on its row"),
        "{}",
        status_text(&app)
    );
    assert_eq!(app.journal.undo_depth(), 2, "nothing was undone");
}

/// `u` does not undo a step on invitations this export does not hold
/// (decided on another export): it says whose export it needs.
#[test]
fn undo_waits_for_the_export_its_step_is_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = after_a_step_elsewhere(&dir, |j, id, at| {
        j.record_decision(&[id], Some(Decision::Accepted), at)
            .unwrap();
    });
    app.update(Action::Undo);
    assert_eq!(
        status_text(&app),
        "Not undone: the last step (accept, 24 Nov 09:05) is on an invitation not in this export"
    );
    assert_eq!(app.journal.undo_depth(), 1, "nothing was undone");
    // A step of its own is undone as ever.
    app.update(Action::Ignore);
    app.update(Action::Undo);
    assert!(
        status_text(&app).starts_with("Undid ignore: Ann Lee"),
        "{}",
        status_text(&app)
    );
    // A bulk step over invitations here and elsewhere is undone whole,
    // and says so.
    let ann = app.current().unwrap().id;
    app.journal
        .record_decision(
            &[ann, invitriage::invitation::InvitationId(8)],
            Some(Decision::Ignored),
            now(),
        )
        .unwrap();
    app.update(Action::Undo);
    assert_eq!(
        status_text(&app),
        "Undid ignore: Ann Lee, and 1 not in this export"
    );
}

/// The help's sections and notes name the keys bound now, as its Keys
/// table does.
#[test]
fn the_help_names_remapped_keys_everywhere() {
    use invitriage::config::KeyBinding;
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let mut keys = std::collections::BTreeMap::new();
    for (action, key) in [
        ("search", "ctrl-f"),
        ("reply", "R"),
        ("thank_you", "T"),
        ("check", "W"),
        ("open", "O"),
        ("next_match", "f5"),
    ] {
        keys.insert(action.to_string(), KeyBinding::One(key.into()));
    }
    keys.insert("prev_match".to_string(), KeyBinding::Many(vec![]));
    app.keymap = Keymap::new(&keys).unwrap();
    app.update(Action::Help);
    let flat = screen(&app, 120, 100)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for words in [
        "Searching (after Ctrl-F)",
        "keep the position; F5 for the next matches",
        "Writing a reply (after R or T)",
        "Checking a note of your own (after W)",
        "the note is kept for the next W,",
        "(O opens the profile",
        // Unbound, it is still listed, with the way to bind it.
        "(no key) previous search match; `prev_match = \"…\"` under [keys] gives it one",
    ] {
        assert!(flat.contains(words), "{words:?} in {flat}");
    }
    for stale in [
        "(after /)",
        "(after r or t)",
        "(after w)",
        "(o opens",
        "next w,",
    ] {
        assert!(!flat.contains(stale), "{stale:?} in {flat}");
    }
}

/// A draft scrolled in a small window shows from its start once the window
/// grows enough to hold it.
#[test]
fn a_grown_window_shows_the_whole_draft() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Resize(60, 15));
    app.update(Action::Reply);
    for _ in 0..4 {
        app.update(Action::ComposeKey(KeyEvent::new(
            KeyCode::Down,
            KeyModifiers::NONE,
        )));
        screen(&app, 60, 15);
    }
    assert!(
        !screen(&app, 60, 15).contains("│Hi Kenji,"),
        "scrolled down"
    );
    app.update(Action::Resize(100, 40));
    let big = screen(&app, 100, 40);
    assert!(big.contains("│Hi Kenji,"), "{big}");

    // The check pad the same way: its note typed in a small window, the
    // first line out of sight, is whole again in a larger one.
    app.update(Action::Cancel);
    app.update(Action::Resize(60, 15));
    app.update(Action::Check);
    app.update(Action::Paste("first line\nb\nc\nd\ne\nf\ng\nh".into()));
    assert!(
        !screen(&app, 60, 15).contains("│first line"),
        "scrolled down"
    );
    app.update(Action::Resize(100, 40));
    let big = screen(&app, 100, 40);
    assert!(big.contains("│first line"), "{big}");
}

/// The help's footer names the keys that scroll it: the arrows by default,
/// the user's own when `[keys]` took the arrows away.
#[test]
fn the_help_footer_names_the_scroll_keys_in_force() {
    use invitriage::config::KeyBinding;
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Help);
    app.update(Action::Down);
    assert!(row_text(&app, 80, 24, 23).contains("↑/↓ scroll"));
    let mut keys = std::collections::BTreeMap::new();
    keys.insert("up".to_string(), KeyBinding::One("ctrl-p".into()));
    keys.insert("down".to_string(), KeyBinding::One("ctrl-n".into()));
    app.keymap = Keymap::new(&keys).unwrap();
    let footer = row_text(&app, 80, 24, 23);
    assert!(footer.contains("Ctrl-P/Ctrl-N scroll"), "{footer}");
    app.update(Action::Down);
    assert_eq!(app.mode, Mode::Help { scroll: 2 });
}

/// The composer numbers a kind's templates as the F keys that pick them,
/// and one past F9, which no key picks, only by its number.
#[test]
fn templates_past_f9_are_numbered_without_a_key() {
    use invitriage::reply::Templates;
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let mine: std::collections::BTreeMap<String, String> = (1..=8)
        .map(|n| (format!("mine{n}"), format!("Hi {{first_name}} {n}")))
        .collect();
    app.templates = Templates::new(&mine).unwrap();
    app.update(Action::Reply);
    app.update(Action::ComposeTemplate(8));
    let out = screen(&app, 100, 30);
    assert!(out.contains("template F9: mine6"), "{out}");
    for _ in 0..2 {
        app.update(Action::ComposeNextTemplate);
    }
    let out = screen(&app, 100, 30);
    assert!(out.contains("template 11: mine8"), "{out}");
    assert!(!out.contains("F11"), "{out}");
}

/// A space typed on the search line shows at once (the cursor moves on),
/// not only when the next letter comes.
#[test]
fn a_space_typed_in_a_search_shows() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Search);
    type_query(&mut app, "a ");
    assert!(
        row_text(&app, 80, 24, 23).starts_with(" /a ▏"),
        "{}",
        row_text(&app, 80, 24, 23)
    );
}

/// On a narrow screen the tab bar drops the titles before it would cut a
/// count: "sent 2" for 295 reads as another number.
#[test]
fn the_tab_bar_never_cuts_a_count() {
    use invitriage::invitation::Direction;
    let dir = tempfile::tempdir().unwrap();
    let csv = invitriage::synth::generate(3_000, 7);
    let app = app_from_csv(&csv, &dir);
    let sent = app
        .invitations
        .iter()
        .filter(|i| i.direction == Direction::Outgoing)
        .count();
    assert!(sent >= 100, "{sent}");
    let all = app.invitations.len() - sent;
    let tabs = row_text(&app, 60, 24, 2);
    assert!(tabs.ends_with(&format!(" 4:{all}  5:{sent}")), "{tabs}");
    let wide = row_text(&app, 100, 24, 2);
    assert!(wide.ends_with(&format!("5 Sent {sent}")), "{wide}");
}

/// An export of 130,001 rows, cheap to classify: 10,000 customised,
/// 10,000 greeting-only, 100,001 default with no note, 10,000 sent.
fn huge_export() -> String {
    let mut csv =
        String::from("From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n");
    let mut row = |n: usize, note: &str, direction: &str| {
        for i in 0..n {
            let (a, b) = match direction {
                "INCOMING" => (format!("p{}-{i}", note.len()), "colleen".to_string()),
                _ => ("colleen".to_string(), format!("s{i}")),
            };
            csv.push_str(&format!(
                "Pat Lee,Colleen Ruiz,\"11/21/26, 4:02 PM\",{note},{direction},https://www.linkedin.com/in/{a},https://www.linkedin.com/in/{b}\n"
            ));
        }
    };
    row(10_000, "Loved your compiler talk at RustConf", "INCOMING");
    row(10_000, "Hi Colleen", "INCOMING");
    row(100_001, "", "INCOMING");
    row(10_000, "", "OUTGOING");
    csv
}

/// The statistics screen of an export with six-digit groups: every count
/// whole, at every width (the line went past the edge and cut "no note").
#[test]
fn the_statistics_screen_keeps_six_digit_counts_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_from_csv(&huge_export(), &dir);
    app.update(Action::Stats);
    for width in [60, 64, 80, 100, 106, 120] {
        app.update(Action::Resize(width, 40));
        let out = screen(&app, width, 40);
        assert!(out.contains(" 100001  (83%)"), "{width}: {out}");
        assert!(out.contains("no note: 100001"), "{width}: {out}");
        assert!(out.contains("  10000   (8%)"), "{width}: {out}");
    }
}

/// An export so large that even the keys and counts alone pass 60 columns:
/// the tabs lose their padding (and, larger still, the other tabs' counts)
/// before a count is cut (a tester saw "5:1496" for 14,967).
#[test]
fn the_tab_bar_of_a_huge_export_never_cuts_a_count() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_from_csv(&huge_export(), &dir);
    app.update(Action::Tab(Tab::Default));
    app.update(Action::Accept);
    let tabs = row_text(&app, 60, 24, 2);
    assert_eq!(
        tabs.trim_end(),
        " 1:10000 2:10000 [3:100000/100001] 4:120000/120001 5:10000",
        "{tabs}"
    );
    let tabs = row_text(&app, 62, 24, 2);
    assert_eq!(
        tabs.trim_end(),
        "  1:10000  2:10000 [3:100000/100001] 4:120000/120001  5:10000",
        "{tabs}"
    );
}

/// The tab bar names each tab's key as `[keys]` has it, and none for a tab
/// left without one, in every width.
#[test]
fn the_tab_bar_names_the_keys_in_force() {
    use invitriage::config::KeyBinding;
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let mut keys = std::collections::BTreeMap::new();
    for (action, key) in [
        ("tab_customised", "!"),
        ("tab_greeting_only", "\""),
        ("tab_default", "ctrl-t"),
    ] {
        keys.insert(action.to_string(), KeyBinding::One(key.into()));
    }
    keys.insert(
        "tab_all".to_string(),
        KeyBinding::Many(vec!["4".into(), "ctrl-a".into()]),
    );
    keys.insert("tab_sent".to_string(), KeyBinding::Many(vec![]));
    app.keymap = Keymap::new(&keys).unwrap();
    let wide = row_text(&app, 200, 24, 2);
    assert_eq!(
        wide,
        " [! Customised 13]│ \" Greeting-only 10 │ Ctrl-T Default 112 │ 4 All 135 │ Sent 20"
    );
    let short = row_text(&app, 70, 24, 2);
    assert!(
        short.contains("[! cust 13]│ \" greet 10 │ Ctrl-T dflt 112"),
        "{short}"
    );
    assert!(short.ends_with("│ 4 all 135 │ sent 20"), "{short}");
    // Narrower, the open tab alone keeps its title: it says where you are.
    let narrow = row_text(&app, 60, 24, 2);
    assert_eq!(narrow, " [! cust 13] \":10  Ctrl-T:112  4:135  20");
    app.update(Action::Tab(Tab::Default));
    let narrow = row_text(&app, 60, 24, 2);
    assert_eq!(narrow, "  !:13  \":10 [Ctrl-T dflt 112] 4:135  20");
}

/// The title keeps the export's name, which tells two exports apart, and
/// gives way on the groups' names first.
#[test]
fn the_title_keeps_the_file_name_when_narrow() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Invitations-2026-12-02.csv");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample-invitations.csv"),
        &path,
    )
    .unwrap();
    let app = app_from(Source::Path(path), &dir.path().join("data"));
    assert_eq!(
        row_text(&app, 100, 24, 0),
        " Invitations-2026-12-02.csv · 135 invitations: 13 customised · 10 greeting-only · 112 default (83%)"
    );
    assert_eq!(
        row_text(&app, 80, 24, 0),
        " Invitations-2026-12-02.csv · 13 cust · 10 greet · 112 dflt (83%)"
    );
}

/// The statistics screen's lists of counts go on to the next line rather
/// than cut a count at the edge.
#[test]
fn the_statistics_screen_never_cuts_a_count() {
    let dir = tempfile::tempdir().unwrap();
    let csv = invitriage::synth::generate(20_000, 7);
    let mut app = app_from_csv(&csv, &dir);
    app.update(Action::Resize(60, 40));
    app.update(Action::Stats);
    let s = app.incoming.signals;
    let out = screen(&app, 60, 40);
    for piece in [
        format!("context {}", s.context),
        format!("reason {}", s.reason),
        format!("offer {}", s.offer),
        format!("pitch {}", s.pitch),
    ] {
        assert!(out.contains(&piece), "{piece} in {out}");
    }
    // The command whole, on its own line when it does not fit beside.
    assert!(out.contains("all months since Jan 2015:"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.trim_matches(['"', ' ']) == "invitriage stats --json"),
        "{out}"
    );
    app.update(Action::Resize(100, 40));
    let out = screen(&app, 100, 40);
    assert!(
        out.contains("all months since Jan 2015: invitriage stats --json"),
        "{out}"
    );
}

/// Accepting (or ignoring) an invitation replied to keeps its saved reply,
/// which is no longer the draft to send: the status says so, and names the
/// decision it overturns.
#[test]
fn deciding_a_replied_invitation_says_its_reply_is_not_to_send() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let first = current_name(&app);
    app.update(Action::Reply);
    app.update(Action::ComposeSave);
    app.update(Action::Up);
    assert_eq!(current_name(&app), first);
    app.update(Action::Accept);
    assert_eq!(
        status_text(&app),
        format!(
            "Accepted {first} (was replied) · its saved reply is kept, not to send · t thanks them · u to undo"
        )
    );
    // Accepted, then ignored: nothing replied any more, nothing to say.
    app.update(Action::Up);
    app.update(Action::Ignore);
    assert_eq!(
        status_text(&app),
        format!("Ignored {first} (was accepted) · u to undo")
    );
    // Accepted with a thank-you, then ignored: the thank-you is kept, not
    // to send.
    app.update(Action::Up);
    app.update(Action::Accept);
    app.update(Action::Up);
    app.update(Action::ThankYou);
    app.update(Action::ComposeSave);
    assert_eq!(current_name(&app), first);
    app.update(Action::Ignore);
    assert_eq!(
        status_text(&app),
        format!(
            "Ignored {first} (was accepted) · its saved thank-you is kept, not to send · u to undo"
        )
    );
}

/// Each tab counts what the filter shows of it, of how many: under
/// "undecided", the work left.
#[test]
fn tabs_count_what_the_filter_leaves() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let tabs = |app: &App| row_text(app, 120, 24, 2);
    assert!(tabs(&app).contains("[1 Customised 13]│"), "{}", tabs(&app));
    app.update(Action::Accept);
    app.update(Action::Accept);
    assert!(
        tabs(&app).contains("[1 Customised 11/13]│") && tabs(&app).contains("4 All 133/135"),
        "{}",
        tabs(&app)
    );
    app.update(Action::CycleFilter);
    assert_eq!(app.filter, Filter::Accepted);
    assert!(
        tabs(&app).contains("[1 Customised 2/13]│"),
        "{}",
        tabs(&app)
    );
    assert!(tabs(&app).contains("5 Sent 20"), "{}", tabs(&app));
}

/// The composer's title is laid out in columns: a name in CJK (two a
/// character) leaves room for the template's label or drops it, and a long
/// name gives way with `…` before "don't accept yet" does.
#[test]
fn the_composer_title_fits_wide_and_long_names() {
    let dir = tempfile::tempdir().unwrap();
    let long = "Bartholomew Maximilian Alexander Fitzgerald-Montgomery";
    let csv = format!(
        "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n\
        王小明王小明王小明,Colleen Ruiz,\"11/19/26, 9:00 AM\",We met at the Berlin summit,INCOMING,https://www.linkedin.com/in/wang,https://www.linkedin.com/in/colleen\n\
        {long},Colleen Ruiz,\"11/18/26, 9:00 AM\",We met at the Berlin summit,INCOMING,https://www.linkedin.com/in/bart,https://www.linkedin.com/in/colleen\n"
    );
    let mut app = app_from_csv(&csv, &dir);
    let title = |app: &mut App| {
        app.update(Action::Reply);
        let out = screen(app, 60, 20);
        app.update(Action::Cancel);
        app.update(Action::Down);
        out.lines()
            .find(|l| l.contains("Reply to"))
            .unwrap_or_else(|| panic!("{out}"))
            .to_string()
    };
    let top = title(&mut app);
    assert!(
        top.contains("Reply to 王小明王小明王小明, don't accept yet"),
        "{top}"
    );
    assert!(top.contains("─ F3 ╮"), "the short label, apart: {top}");
    let top = title(&mut app);
    assert!(top.contains("…, don't accept yet"), "{top}");
    // Above the box, the name gives way to what they wrote.
    app.update(Action::Reply);
    let out = screen(&app, 60, 20);
    assert!(out.contains("… wrote (customised)"), "{out}");
}

/// Ctrl-L asks the terminal loop to paint every cell again, and changes
/// nothing else.
#[test]
fn a_redraw_repaints_and_changes_nothing() {
    use invitriage::tui::app::Effect;
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let before = screen(&app, 100, 30);
    assert_eq!(app.update(Action::Redraw), Some(Effect::Repaint));
    assert_eq!(screen(&app, 100, 30), before);
    // A question on the status line stays in sight, to be answered seen.
    app.update(Action::Mark);
    app.update(Action::Quit);
    let asked = status_text(&app).to_string();
    assert!(asked.starts_with("Quit? "), "{asked}");
    app.update(Action::Redraw);
    assert_eq!(status_text(&app), asked);
    app.update(Action::Cancel);
    // In the composer, Ctrl-L (the check pad's "clear") repaints, and
    // the discard question stays in sight.
    app.update(Action::Reply);
    app.update(Action::ComposeKey(key('x')));
    app.update(Action::Cancel);
    let asked = status_text(&app).to_string();
    assert!(asked.starts_with("Discard "), "{asked}");
    assert_eq!(app.update(Action::CheckClear), Some(Effect::Repaint));
    assert_eq!(status_text(&app), asked);
}

/// Ctrl-Z asks the terminal loop to suspend, and changes nothing else: a
/// question pending (quit with rows marked) is still there to answer once
/// the screen is back.
#[test]
fn a_suspend_changes_nothing_and_answers_no_question() {
    use invitriage::tui::app::Effect;
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Mark);
    app.update(Action::Quit);
    let before = screen(&app, 100, 30);
    assert!(before.contains("Quit?"), "{before}");
    assert_eq!(app.update(Action::Suspend), Some(Effect::Suspend));
    assert_eq!(screen(&app, 100, 30), before);
    assert_eq!(app.update(Action::Confirm(true)), Some(Effect::Quit));
}

/// A name or profile URL longer than the pane is cut with `…`, so that on
/// a small screen the note is still there to read.
#[test]
fn a_long_name_and_url_leave_room_for_the_note() {
    let dir = tempfile::tempdir().unwrap();
    let name = "Bartholomew Maximilian Alexander Fitzgerald-Montgomery-Worthington III of Westchester County";
    let slug = "x".repeat(170);
    let csv = format!(
        "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n\
        {name},Colleen Ruiz,\"11/19/26, 9:00 AM\",\"Hi Colleen, short note.\",INCOMING,https://www.linkedin.com/in/{slug},https://www.linkedin.com/in/colleen\n"
    );
    let app = app_from_csv(&csv, &dir);
    let out = screen(&app, 60, 20);
    assert!(out.contains("Hi Colleen, short note."), "{out}");
    assert!(out.contains("Fitzgerald-Montgomery-Wort…"), "{out}");
    assert!(out.contains("linkedin.com/in/xxxx"), "{out}");
    assert!(!out.contains(&"x".repeat(60)), "the URL on one line: {out}");
}

/// An error on the status line is marked in words as well as in red: to
/// many, red and green look alike.
#[test]
fn an_error_is_marked_not_only_by_colour() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Search);
    for c in "zzzz".chars() {
        app.update(Action::SearchInput(c));
    }
    app.update(Action::SearchSubmit);
    assert!(app.status.as_ref().unwrap().error);
    let out = screen(&app, 100, 30);
    assert!(out.contains("! No match for “zzzz”"), "{out}");
    app.update(Action::Down);
    app.update(Action::Accept);
    assert!(!screen(&app, 100, 30).contains(" ! "), "not on other news");
}

/// After a step that moves on (an accept, a saved reply, a withdraw mark),
/// `o`, `y` and `c` act for the person the status line names, as `t`
/// does: the profile to accept on, or to paste the reply into. A move
/// ends that.
#[test]
fn open_and_copy_right_after_a_step_are_for_its_person() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let opened = |app: &mut App| match app.update(Action::OpenProfile) {
        Some(Effect::OpenUrl { whose, .. }) => whose,
        other => panic!("{other:?}"),
    };
    let first = app.current().unwrap().from().to_string();
    app.update(Action::Accept);
    let next = app.current().unwrap().from().to_string();
    assert_ne!(first, next, "moved on");
    assert_eq!(opened(&mut app), format!("{first}'s profile"));
    // Still theirs after opening (then copying their URL).
    let Some(Effect::Copy { text, .. }) = app.update(Action::CopyUrl) else {
        panic!("a copy");
    };
    assert!(text.contains("linkedin.com/in/"));
    assert_eq!(opened(&mut app), format!("{first}'s profile"));
    // A move: the row under the cursor again.
    app.update(Action::Down);
    app.update(Action::Up);
    assert_eq!(opened(&mut app), format!("{next}'s profile"));
    // A saved reply: its person, whose draft was copied.
    app.update(Action::Reply);
    app.update(Action::ComposeSave);
    assert_ne!(app.current().unwrap().from(), next, "moved on");
    assert_eq!(opened(&mut app), format!("{next}'s profile"));
    let Some(Effect::Copy { text, .. }) = app.update(Action::CopyDraft) else {
        panic!("a copy of the reply");
    };
    assert!(text.contains(next.split(' ').next().unwrap()), "{text}");
}

/// The last tab decided, the status line says where the steps to take on
/// LinkedIn are listed: the checklist, not the spreadsheet.
#[test]
fn the_last_tab_decided_points_to_the_checklist() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    for tab in [Tab::Customised, Tab::GreetingOnly, Tab::Default] {
        app.update(Action::Tab(tab));
        app.update(Action::IgnoreMarked);
        app.update(Action::Confirm(true));
    }
    assert!(
        status_text(&app).contains(
            "inbox done: q quits and names the command that lists what to do on LinkedIn"
        ),
        "{}",
        status_text(&app)
    );
    // The keys named are the ones in force.
    use invitriage::config::KeyBinding;
    let mut keys = std::collections::BTreeMap::new();
    for (action, key) in [("quit", "Q"), ("filter", "F"), ("next_tab", "ctrl-n")] {
        keys.insert(action.to_string(), KeyBinding::One(key.into()));
    }
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.keymap = Keymap::new(&keys).unwrap();
    for tab in [Tab::Customised, Tab::GreetingOnly, Tab::Default] {
        app.update(Action::Tab(tab));
        app.update(Action::IgnoreMarked);
        app.update(Action::Confirm(true));
    }
    assert!(
        status_text(&app).contains("inbox done: Q quits"),
        "{}",
        status_text(&app)
    );
    app.update(Action::Tab(Tab::Customised));
    app.update(Action::Accept);
    assert!(
        status_text(&app)
            .contains("Nothing here to decide · F changes the filter, Ctrl-N the group"),
        "{}",
        status_text(&app)
    );
}

/// The All tab's group column names each group as everywhere else
/// (`greeting-only`) where the row has room, and in five columns on a
/// narrow screen.
#[test]
fn the_group_column_spells_the_groups_out_when_wide() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Tab(Tab::All));
    let row_of = |text: &str, name: &str| {
        text.lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} in {text}"))
            .to_string()
    };
    let name = current_name(&app);
    assert_eq!(app.current().unwrap().category.label(), "default");
    let wide = row_of(&screen(&app, 120, 30), &name);
    assert!(wide.contains(&format!("default       {name}")), "{wide}");
    let narrow = row_of(&screen(&app, 80, 24), &name);
    assert!(narrow.contains(&format!("dflt  {name}")), "{narrow}");
    // Rows of the other groups: the whole name, padded alike.
    while app.current().unwrap().category.label() != "greeting-only" {
        app.update(Action::Down);
    }
    let name = current_name(&app);
    let wide = row_of(&screen(&app, 120, 30), &name);
    assert!(wide.contains(&format!("greeting-only {name}")), "{wide}");
}

/// A reply saved on an earlier day may have been sent since: opening it
/// again says so, for what is added is then a new message.
#[test]
fn a_reply_saved_on_an_earlier_day_may_have_been_sent() {
    use invitriage::journal::DraftKind;
    let dir = tempfile::tempdir().unwrap();
    let who = sample_app(dir.path()).current().unwrap().id;
    {
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        let at = import::parse_sent_at("2026-11-20T09:00:00").unwrap();
        j.record_draft(who, DraftKind::Reply, "Hi Kenji", at)
            .unwrap();
    }
    let mut app = sample_app(dir.path());
    // Replied, it is under another filter than "undecided".
    go_to(&mut app, who);
    assert_eq!(app.current().unwrap().id, who);
    app.update(Action::Reply);
    assert_eq!(
        status_text(&app),
        "Your reply saved 20 Nov (5 days ago): if you sent it, what you add now is a new message to send"
    );
    // Edited and saved, the pane keeps the day it was replied, and says
    // when it was edited.
    app.update(Action::ComposeKey(key('!')));
    app.update(Action::ComposeSave);
    go_to(&mut app, who);
    let out = screen(&app, 120, 40);
    assert!(
        out.contains("replied 20 Nov 2026 09:00 (5 days ago)"),
        "{out}"
    );
    assert!(
        out.contains("reply drafted 5 days ago, edited today"),
        "{out}"
    );
}

/// A week on, a newer export: the start says how many invitations came
/// after the last step taken, the news of that export.
#[test]
fn the_start_says_how_many_came_after_the_last_step() {
    let dir = tempfile::tempdir().unwrap();
    let app = sample_app(dir.path());
    assert!(app.notices.is_empty(), "nothing decided, nothing new");
    let oldest = app
        .invitations
        .iter()
        .filter(|i| i.direction == invitriage::invitation::Direction::Incoming)
        .min_by_key(|i| i.sent_at)
        .unwrap()
        .id;
    drop(app);
    let last = import::parse_sent_at("2026-10-01T09:00:00").unwrap();
    {
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        j.record_decision(&[oldest], Some(Decision::Ignored), last)
            .unwrap();
    }
    let app = sample_app(dir.path());
    let newer = app
        .invitations
        .iter()
        .filter(|i| i.direction == invitriage::invitation::Direction::Incoming)
        .filter(|i| i.sent_at > last && i.id != oldest)
        .count();
    assert!(newer > 1);
    assert_eq!(
        app.notices,
        [format!(
            "{newer} invitations came after your last step (1 Oct 2026): at the top of each group's list, newest first (on Customised, pitches come last)"
        )]
    );
    assert!(
        status_text(&app).starts_with("A note: "),
        "{}",
        status_text(&app)
    );
}

/// A newer export after the screen saw an older one: the received
/// invitations newer than any it had seen are the news, also those sent
/// before the last step (they came after the older export was taken).
#[test]
fn the_start_counts_what_is_newer_than_the_export_seen_before() {
    use invitriage::invitation::Direction;
    let dir = tempfile::tempdir().unwrap();
    let at = |s: &str| import::parse_sent_at(s).unwrap();
    let app = sample_app(dir.path());
    let mut received: Vec<_> = app
        .invitations
        .iter()
        .filter(|i| i.direction == Direction::Incoming)
        .map(|i| (i.sent_at, i.id))
        .collect();
    received.sort_unstable();
    drop(app);
    // A step after every invitation: by the last step alone, none is new.
    let (oldest, newest) = (received[0], received[received.len() - 1]);
    assert!(newest.0 < at("2026-11-24T09:00:00"));
    {
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        j.record_decision(
            &[oldest.1],
            Some(Decision::Ignored),
            at("2026-11-24T09:00:00"),
        )
        .unwrap();
    }
    assert!(sample_app(dir.path()).notices.is_empty());

    let seen = Seen {
        newest: at("2026-10-01T09:00:00"),
        opened: at("2026-10-02T08:00:00"),
    };
    let app = app_seen(Source::Sample, dir.path(), false, &[], Some(seen));
    let newer = received.iter().filter(|(t, _)| *t > seen.newest).count();
    assert!(newer > 1);
    assert_eq!(
        app.notices,
        [format!(
            "{newer} invitations are new since the export you opened on 2 Oct 2026: at the top of each group's list, newest first (on Customised, pitches come last)"
        )]
    );
    drop(app);

    // Opened today, with only the newest one after it.
    let before_newest = received[received.len() - 2].0;
    assert!(before_newest < newest.0);
    let seen = Seen {
        newest: before_newest,
        opened: at("2026-11-25T08:00:00"),
    };
    let app = app_seen(Source::Sample, dir.path(), false, &[], Some(seen));
    // Not a customised one: nothing said of pitches.
    assert_eq!(
        app.notices,
        [
            "1 invitation is new since the export you opened earlier today: at the top of Default, newest first"
        ]
    );
}

/// An export older than one the screen saw before has no news, and the
/// start says it is older, with both dates: the people it shows pending
/// may have left the newer one.
#[test]
fn an_older_export_than_one_seen_before_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let at = |s: &str| import::parse_sent_at(s).unwrap();
    let app = sample_app(dir.path());
    // Of either direction: a sent one says when the export was made too.
    let newest = app.invitations.iter().map(|i| i.sent_at).max().unwrap();
    drop(app);
    let seen = Seen {
        newest: at("2026-12-14T09:00:00"),
        opened: at("2026-11-25T08:00:00"),
    };
    let app = app_seen(
        Source::Sample,
        dir.path(),
        false,
        &["a note from loading"],
        Some(seen),
    );
    let note = format!(
        "this export looks older than one opened before: its newest invitation is {}, but you have seen one from 14 Dec (opened earlier today); people it shows pending may have left the newer one (if that one was answered since, this export may be the newest)",
        newest.format("%-d %b")
    );
    assert_eq!(
        app.notices,
        [note.clone(), "a note from loading".to_string()]
    );
    assert_eq!(status_text(&app), format!("2 notes (? shows them): {note}"));
    drop(app);
    // Opened on another day, of another year: the year is said.
    let seen = Seen {
        newest: at("2027-01-04T09:00:00"),
        opened: at("2027-01-05T08:00:00"),
    };
    let app = app_seen(Source::Sample, dir.path(), false, &[], Some(seen));
    assert!(
        app.notices[0].contains("you have seen one from 4 Jan 2027 (opened 5 Jan 2027)"),
        "{:?}",
        app.notices
    );
    drop(app);
    // One of the same day is not older.
    let seen = Seen {
        newest: newest + chrono::Duration::hours(1),
        opened: at("2026-11-25T08:00:00"),
    };
    assert!(
        app_seen(Source::Sample, dir.path(), false, &[], Some(seen))
            .notices
            .is_empty()
    );
}

/// The news is told once (the next start counts from this export), so it
/// is the note the status line shows, ahead of notes from loading and of
/// unsaved drafts elsewhere, which every start shows again.
#[test]
fn the_news_comes_first_among_the_notes() {
    let dir = tempfile::tempdir().unwrap();
    let at = |s: &str| import::parse_sent_at(s).unwrap();
    let seen = Seen {
        newest: at("2026-10-01T09:00:00"),
        opened: at("2026-10-02T08:00:00"),
    };
    let app = app_seen(
        Source::Sample,
        dir.path(),
        false,
        &["1 duplicate row counted once"],
        Some(seen),
    );
    assert_eq!(app.notices.len(), 2, "{:?}", app.notices);
    assert!(
        app.notices[0].contains("new since the export you opened on 2 Oct 2026"),
        "{:?}",
        app.notices
    );
    assert!(
        status_text(&app).starts_with("2 notes (? shows them): ")
            && status_text(&app).contains("new since the export you opened on 2 Oct 2026"),
        "{}",
        status_text(&app)
    );
}

/// A note of a megabyte (no LinkedIn note is one: a broken or made-up
/// export) is drawn in part, its first 16 KiB, and the pane says how much
/// more there is; the list shows its start.
#[test]
fn a_huge_note_is_shown_in_part() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("Invitations.csv");
    let note = "we met at the meetup ".repeat(50_000);
    std::fs::write(
        &csv,
        format!(
            "From,To,Sent At,Message,Direction\nAnn Lee,Colleen Ruiz,\"11/21/26, 4:02 PM\",{note},INCOMING\n"
        ),
    )
    .unwrap();
    let mut app = app_from(Source::Path(csv), dir.path());
    let out = screen(&app, 120, 40);
    assert!(
        out.contains("Ann Lee") && out.contains("we met at the meetup we met"),
        "{out}"
    );
    // 1,050,000 bytes less the 16 KiB shown (the trailing space trimmed).
    let said = "… 1.0 MB more, not shown (no LinkedIn note is this long)";
    assert!(!out.contains(said));
    for _ in 0..300 {
        app.update(Action::DetailDown);
    }
    let out = screen(&app, 120, 40);
    assert!(out.contains(said), "{out}");
}

/// Closing an undone thank-you names the key that offers it again: the
/// thank-you's, not the reply's.
#[test]
fn closing_an_undone_thank_you_names_its_own_key() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Accept);
    app.update(Action::ThankYou);
    assert_eq!(app.mode, Mode::Compose, "{}", status_text(&app));
    app.update(Action::ComposeKey(key('!')));
    app.update(Action::ComposeSave);
    app.update(Action::Undo);
    app.update(Action::ThankYou);
    assert!(
        app.composer.as_ref().is_some_and(|c| c.undone),
        "{}",
        status_text(&app)
    );
    app.update(Action::Cancel);
    assert!(
        status_text(&app).starts_with("Close this draft? As an undone one, t offers it again"),
        "{}",
        status_text(&app)
    );
    app.update(Action::ComposeKey(key('y')));
    assert_eq!(
        status_text(&app),
        "Draft closed; t offers the undone thank-you again (F1 there starts from its template)"
    );
}

/// A run that only edited a reply saved before says so on leaving, with
/// the command to act on it.
#[test]
fn editing_a_reply_is_a_step_the_quit_summary_counts() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let who = app.current().unwrap().id;
    app.update(Action::Reply);
    app.update(Action::ComposeSave);
    drop(app);
    let mut app = sample_app(dir.path());
    assert_eq!(app.farewell(), None, "nothing done yet in this run");
    go_to(&mut app, who);
    app.update(Action::Reply);
    app.update(Action::ComposeKey(key('!')));
    app.update(Action::ComposeSave);
    let farewell = app.farewell().unwrap_or_default();
    assert!(
        farewell.starts_with("1 reply edited this session;"),
        "{farewell}"
    );
    drop(app);
    // Undone, then saved again word for word: the same reply, no edit
    // (the export dates it anew, as saved again).
    let mut app = sample_app(dir.path());
    go_to(&mut app, who);
    app.update(Action::Undo);
    app.update(Action::Reply);
    assert!(
        status_text(&app).contains("undone reply is back"),
        "{}",
        status_text(&app)
    );
    app.update(Action::ComposeSave);
    assert_eq!(
        app.journal.state(who).and_then(|e| e.decision()),
        Some(invitriage::journal::Decision::Replied)
    );
    assert_eq!(app.farewell(), None);
    drop(app);
    // That edit undone in a later run: said.
    let mut app = sample_app(dir.path());
    go_to(&mut app, who);
    app.update(Action::Undo);
    assert!(
        status_text(&app).starts_with("Undid the edit"),
        "{}",
        status_text(&app)
    );
    let farewell = app.farewell().unwrap_or_default();
    assert!(
        farewell.starts_with("1 reply back to an earlier text this session;"),
        "{farewell}"
    );
}

/// The keys the help names for the search line and for quitting at once
/// do what it says.
#[test]
fn the_help_names_the_search_keys_and_ctrl_c() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Help);
    let help = screen(&app, 200, 120);
    app.update(Action::Help);
    for named in [
        "Ctrl-C",
        "Alt-B/F",
        "Ctrl-B/F",
        "Alt-Backspace",
        "Alt-D",
        "Ctrl-D",
    ] {
        assert!(help.contains(named), "{named}: {help}");
    }
    let ev = |code, mods| KeyEvent::new(code, mods);
    let (ctrl, alt) = (KeyModifiers::CONTROL, KeyModifiers::ALT);
    assert_eq!(
        action_for(
            &app.keymap,
            app.key_context(),
            &ev(KeyCode::Char('c'), ctrl)
        ),
        Some(Action::QuitNow)
    );
    app.update(Action::Search);
    for (code, mods, edit) in [
        (KeyCode::Char('b'), alt, LineEdit::WordLeft),
        (KeyCode::Char('f'), alt, LineEdit::WordRight),
        (KeyCode::Char('b'), ctrl, LineEdit::Left),
        (KeyCode::Char('f'), ctrl, LineEdit::Right),
        (KeyCode::Backspace, alt, LineEdit::DeleteWordBefore),
        (KeyCode::Char('d'), alt, LineEdit::DeleteWordAfter),
        (KeyCode::Char('d'), ctrl, LineEdit::Delete),
    ] {
        assert_eq!(
            action_for(&app.keymap, app.key_context(), &ev(code, mods)),
            Some(Action::SearchEdit(edit)),
            "{code:?} {mods:?}"
        );
    }
}

/// The help names the composer's keys (fixed ones): each gives the action
/// the help says, or reaches the editor as a key to edit with.
#[test]
fn the_help_names_the_keys_the_composer_reads() {
    use invitriage::tui::keys::Key;
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Reply);
    assert_eq!(app.mode, Mode::Compose);
    let mut checked = 0;
    for &(names, help) in view::COMPOSER_KEYS {
        for name in names.split(", ") {
            // "F1-F9": both ends.
            let ends: Vec<String> = match name.split_once("-F") {
                Some((first, last)) if first.starts_with('F') => {
                    vec![first.into(), format!("F{last}")]
                }
                _ => vec![name.to_string()],
            };
            for name in ends {
                let k = Key::parse(&name).unwrap_or_else(|| panic!("{name} is no key"));
                let mods = if k.ctrl {
                    KeyModifiers::CONTROL
                } else {
                    KeyModifiers::NONE
                };
                let ev = KeyEvent::new(k.code, mods);
                let action = action_for(&app.keymap, app.key_context(), &ev);
                let want = match name.as_str() {
                    "Ctrl-S" => Some(Action::ComposeSave),
                    "Ctrl-E" => Some(Action::ComposeEditor),
                    "Ctrl-T" => Some(Action::ComposeNextTemplate),
                    "F1" => Some(Action::ComposeTemplate(0)),
                    "F9" => Some(Action::ComposeTemplate(8)),
                    "Ctrl-Y" => Some(Action::ComposeCopy),
                    "Esc" => Some(Action::Cancel),
                    "Ctrl-C" => Some(Action::QuitNow),
                    // Ctrl-J is a line end, as terminals send it.
                    "Ctrl-J" => Some(Action::ComposeKey(KeyEvent::new(
                        KeyCode::Enter,
                        KeyModifiers::NONE,
                    ))),
                    "Enter" | "Ctrl-U" | "Ctrl-R" | "Ctrl-K" | "Ctrl-W" | "Ctrl-Left"
                    | "Ctrl-Right" => Some(Action::ComposeKey(ev)),
                    other => panic!("the help names {other} ({help}); say here what it does"),
                };
                assert_eq!(action, want, "{name}: {help}");
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 15);
}

/// The composer's and the check pad's keys are fixed, and written where
/// they are read, in the footer and in the help: each key the footer names
/// there does what it says, not write into the note.
#[test]
fn the_footer_names_the_keys_the_pads_read() {
    use invitriage::tui::keys::Key;
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    for (open, mode) in [(Action::Reply, Mode::Compose), (Action::Check, Mode::Check)] {
        app.update(open);
        assert_eq!(app.mode, mode);
        let hints = view::key_hints(&app);
        assert!(hints.len() >= 4, "{hints:?}");
        for (key, label) in hints {
            let k = Key::parse(&key).unwrap_or_else(|| panic!("{key} is no key"));
            let mut mods = KeyModifiers::NONE;
            if k.ctrl {
                mods |= KeyModifiers::CONTROL;
            }
            let action = action_for(&app.keymap, app.key_context(), &KeyEvent::new(k.code, mods));
            assert!(
                matches!(
                    action,
                    Some(
                        Action::Cancel
                            | Action::ComposeSave
                            | Action::ComposeEditor
                            | Action::ComposeNextTemplate
                            | Action::ComposeCopy
                            | Action::CheckClear
                    )
                ),
                "{mode:?}: {key} ({label}) gives {action:?}"
            );
        }
        app.update(Action::Cancel);
        if matches!(app.mode, Mode::Confirm(_)) {
            app.update(Action::Confirm(true));
        }
        assert_eq!(app.mode, Mode::List);
    }
}

/// Each decision and draft the screen writes keeps the `Sent At` of the
/// invitation it was made on: a newer invitation from the same person, in
/// an export read later, is not taken as decided, even when the decision
/// came after it was sent (made on an export taken before it arrived).
#[test]
fn steps_keep_the_invitation_they_were_made_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let accepted = app.current().unwrap().clone();
    app.update(Action::Accept);
    let replied = app.current().unwrap().clone();
    app.update(Action::Reply);
    app.update(Action::ComposeKey(key('A')));
    app.update(Action::ComposeSave);
    let marked = app.current().unwrap().clone();
    app.update(Action::Mark);
    app.update(Action::IgnoreMarked);
    app.update(Action::Confirm(true));
    let now = app.now + chrono::TimeDelta::days(60);
    drop(app);
    let (journal, _) = Journal::open_read_only(dir.path()).unwrap();
    for (inv, decision) in [
        (&accepted, Decision::Accepted),
        (&replied, Decision::Replied),
        (&marked, Decision::Ignored),
    ] {
        let name = inv.from();
        assert_eq!(
            journal.decided(inv, now).map(|d| d.decision),
            Some(decision),
            "{name}"
        );
        let mut again = inv.clone();
        again.sent_at = inv.sent_at + chrono::TimeDelta::days(2);
        assert!(
            again.sent_at < app_now(&journal, inv),
            "{name}: sent before the decision"
        );
        assert_eq!(journal.decided(&again, now), None, "{name}");
        assert_eq!(
            journal.earlier(&again, now).map(|d| d.decision),
            Some(decision),
            "{name}"
        );
    }
    let mut again = replied.clone();
    again.sent_at = replied.sent_at + chrono::TimeDelta::days(2);
    assert_eq!(journal.state_for(&again, now), None, "the reply too");
}

/// A decision on an invitation whose Sent At was ahead of the clock stays
/// on it once the clock has passed that date: its line keeps the Sent At,
/// which says it is this invitation (the time it was made alone said it
/// came before the invitation, and it dropped out).
#[test]
fn a_decision_on_a_date_ahead_of_the_clock_stays() {
    let csv = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n\
        Ann Lee,Colleen Ruiz,\"12/5/26, 9:00 AM\",,INCOMING,https://www.linkedin.com/in/ann,https://www.linkedin.com/in/c\n";
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_from_csv(csv, &dir);
    let ann = app.current().unwrap().clone();
    assert!(ann.sent_at > app.now, "ahead of the clock");
    app.update(Action::Accept);
    drop(app);
    let (journal, _) = Journal::open_read_only(&dir.path().join("data")).unwrap();
    for days in [0, 1, 5, 30] {
        let later = ann.sent_at + chrono::TimeDelta::days(days);
        assert_eq!(
            journal.decided(&ann, later).map(|d| d.decision),
            Some(Decision::Accepted),
            "{days} days after its date"
        );
    }
}

/// An earlier invitation and a re-invite from one person (one id), both in
/// the export, accepted together: both are decided, the newer one too (the
/// line kept the older one's Sent At last, and the newer one showed as
/// undecided).
#[test]
fn a_bulk_decision_over_one_id_twice_decides_both() {
    let row = |date: &str, note: &str| {
        format!(
            "Mia Park,Colleen Ruiz,\"{date}\",{note},INCOMING,https://www.linkedin.com/in/mia,https://www.linkedin.com/in/c\n"
        )
    };
    let csv = format!(
        "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n{}{}\
         Joe Ng,Colleen Ruiz,\"11/10/26, 9:00 AM\",,INCOMING,https://www.linkedin.com/in/joe,https://www.linkedin.com/in/c\n",
        row("11/20/26, 9:00 AM", "Hi again"),
        row("11/1/26, 9:00 AM", "Hi"),
    );
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_from_csv(&csv, &dir);
    app.update(Action::Tab(Tab::All));
    app.update(Action::AcceptMarked);
    if matches!(app.mode, invitriage::tui::app::Mode::Confirm(_)) {
        app.update(Action::Confirm(true));
    }
    let invitations = app.invitations.clone();
    drop(app);
    let (mut journal, _) = Journal::open_read_only(&dir.path().join("data")).unwrap();
    // Read with the export, as every command does: it holds both.
    journal.note_export(&invitations);
    for inv in &invitations {
        assert_eq!(
            journal.decided(inv, now()).map(|d| d.decision),
            Some(Decision::Accepted),
            "{} sent {}",
            inv.from(),
            inv.sent_at
        );
    }
}

/// When the step on `inv` was made.
fn app_now(journal: &Journal, inv: &invitriage::invitation::Invitation) -> chrono::NaiveDateTime {
    journal.state(inv.id).and_then(|e| e.decided_at()).unwrap()
}

/// A decision made after someone invited again, on an export taken before
/// (the journal keeps the Sent At it was on): the new invitation is
/// undecided, and the pane dates the earlier invitation, not "after".
#[test]
fn a_decision_on_an_older_export_leaves_a_re_invite_undecided() {
    let dir = tempfile::tempdir().unwrap();
    let inv = sample_app(dir.path()).current().unwrap().clone();
    let earlier = inv.sent_at - chrono::TimeDelta::days(20);
    {
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        j.record_decision_on(
            &[inv.id],
            &[earlier],
            Some(Decision::Ignored),
            inv.sent_at + chrono::TimeDelta::hours(1),
        )
        .unwrap();
    }
    let mut app = sample_app(dir.path());
    go_to(&mut app, inv.id);
    assert_eq!(app.journal.decided(&inv, app.now), None);
    let out = screen(&app, 120, 40);
    let said = format!(
        "an earlier invitation from them, sent {}: ignored",
        earlier.format("%-d %b %Y")
    );
    assert!(out.contains(&said), "{out}");
    assert!(!out.contains("before this one was sent"), "{out}");
}

/// Invitations of one month only: the statistics screen names the month
/// once, not as a span from it to itself.
#[test]
fn one_month_is_named_once() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n\
        Eli Park,Colleen Ruiz,\"11/19/26, 9:00 AM\",,INCOMING,https://www.linkedin.com/in/eli,https://www.linkedin.com/in/colleen\n\
        Ann Lee,Colleen Ruiz,\"11/20/26, 9:00 AM\",,INCOMING,https://www.linkedin.com/in/ann,https://www.linkedin.com/in/colleen\n";
    let mut app = app_from_csv(csv, &dir);
    app.update(Action::Stats);
    let out = screen(&app, 100, 40);
    assert!(out.contains("Nov 2026"), "{out}");
    assert!(!out.contains("Nov 2026 – Nov 2026"), "{out}");
}

/// An undo that takes someone back to a step of an earlier run is named
/// for the quit message (`export --since` the run's start leaves that
/// step out); an undo of this run's own step, or one back to no decision
/// at all, is not.
#[test]
fn an_undo_back_to_an_earlier_run_is_named_for_the_quit_message() {
    let csv = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n\
        Ann Lee,Colleen Ruiz,\"11/21/26, 9:00 AM\",,INCOMING,https://www.linkedin.com/in/ann,https://www.linkedin.com/in/colleen\n\
        Bo Park,Colleen Ruiz,\"11/20/26, 9:00 AM\",,INCOMING,https://www.linkedin.com/in/bo,https://www.linkedin.com/in/colleen\n";
    let dir = tempfile::tempdir().unwrap();
    let ann = app_from_csv(csv, &dir).invitations[0].id;
    let at = |s| import::parse_sent_at(s).unwrap();
    {
        let (mut j, _) = Journal::open(&dir.path().join("data")).unwrap();
        j.record_decision(&[ann], Some(Decision::Accepted), at("2026-11-22T10:00:00"))
            .unwrap();
        // Within the hour before the undo: `--since` does not list it as
        // an undo since (one an hour or more after is listed, and not
        // named: see below).
        j.record_decision(&[ann], Some(Decision::Ignored), at("2026-11-25T11:30:00"))
            .unwrap();
    }
    let mut app = app_from_csv(csv, &dir);
    assert!(app.brought_back_before(now()).is_empty());
    app.update(Action::Undo);
    assert_eq!(app.decisions[0], Some(Decision::Accepted));
    assert_eq!(app.brought_back_before(now()), ["Ann Lee"]);
    // From before the accept's time, it is not left out.
    assert!(
        app.brought_back_before(at("2026-11-22T10:00:00"))
            .is_empty()
    );
    drop(app);
    // The next run: its own step undone is no earlier run's.
    let mut app = app_from_csv(csv, &dir);
    assert_eq!(app.current().unwrap().from(), "Bo Park");
    app.update(Action::Accept);
    app.update(Action::Undo);
    assert_eq!(app.decisions, [Some(Decision::Accepted), None]);
    assert!(app.brought_back_before(now()).is_empty());
    // Ann's accept undone in turn: nothing left to list.
    app.update(Action::Undo);
    assert_eq!(app.decisions, [None, None]);
    assert!(app.brought_back_before(now()).is_empty());
    drop(app);
    // An ignore undone a day after it was made: `--since` lists it as an
    // undo since, so it is not named.
    let dir = tempfile::tempdir().unwrap();
    {
        let (mut j, _) = Journal::open(&dir.path().join("data")).unwrap();
        j.record_decision(&[ann], Some(Decision::Accepted), at("2026-11-22T10:00:00"))
            .unwrap();
        j.record_decision(&[ann], Some(Decision::Ignored), at("2026-11-24T11:00:00"))
            .unwrap();
    }
    let mut app = app_from_csv(csv, &dir);
    app.update(Action::Undo);
    assert_eq!(app.decisions[0], Some(Decision::Accepted));
    assert!(app.brought_back_before(now()).is_empty());
}

/// A thank-you still to send to someone accepted and gone from this
/// export is on the checklist: quitting names its command even when
/// nothing on the screen was ever decided.
#[test]
fn a_thank_you_for_someone_gone_is_something_listed() {
    let dir = tempfile::tempdir().unwrap();
    let app = after_a_step_elsewhere(&dir, |j, id, at| {
        j.record_decision(&[id], Some(Decision::Accepted), at)
            .unwrap();
        let to = Whom::new("Abena Reyes", "https://www.linkedin.com/in/abena");
        j.record_draft_to(
            id,
            invitriage::journal::DraftKind::ThankYou,
            "Thanks, Abena",
            at,
            to,
        )
        .unwrap();
    });
    assert!(app.anything_listed());
    let dir = tempfile::tempdir().unwrap();
    let app = after_a_step_elsewhere(&dir, |j, id, at| {
        j.record_decision(&[id], Some(Decision::Accepted), at)
            .unwrap();
    });
    assert!(
        !app.anything_listed(),
        "an accept alone of someone gone is in no list"
    );
}

/// A run that only undoes an earlier run's thank-you says so on leaving:
/// it changed no decision, but the checklist no longer holds the draft.
#[test]
fn an_earlier_thank_you_undone_is_counted_on_leaving() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Accept);
    app.update(Action::Up);
    app.update(Action::ThankYou);
    app.update(Action::ComposeSave);
    drop(app);
    let mut app = sample_app(dir.path());
    assert_eq!(app.farewell(), None);
    app.update(Action::Undo);
    let farewell = app.farewell().unwrap();
    assert!(
        farewell.starts_with("1 thank-you undone this session;"),
        "{farewell}"
    );
}

/// A draft left for later on an invitation not in this export is not
/// promised to the next start (which opens only this export's): leaving
/// says the export it was written on offers it again.
#[test]
fn leaving_names_the_export_a_draft_elsewhere_waits_for() {
    use invitriage::invitation::InvitationId;
    use invitriage::journal::{DraftKind, Unsaved};
    let dir = tempfile::tempdir().unwrap();
    {
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        j.keep_unsaved(Unsaved {
            id: InvitationId(7),
            kind: DraftKind::Reply,
            name: "Abena Reyes".into(),
            at: import::parse_sent_at("2026-11-24T09:05:00").unwrap(),
            text: "Hi Abena".into(),
            cursor: None,
            sent: None,
        })
        .unwrap();
    }
    let mut app = sample_app(dir.path());
    assert!(app.composer.is_none(), "not this export's to open");
    assert_eq!(
        leave(&mut app),
        [
            "left for later, not saved: your reply to Abena Reyes, for an invitation not in this export: opening the export it was written on offers it again"
        ]
    );
    drop(app);
    // Accepted since (and so gone from the export): no export opens it.
    {
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        j.record_decision(&[InvitationId(7)], Some(Decision::Accepted), now())
            .unwrap();
    }
    let mut app = sample_app(dir.path());
    // The note from loading no longer sends the user to that export.
    assert!(
        app.notices.iter().any(|n| n.starts_with(
            "1 unsaved draft from an earlier run (to Abena Reyes) is for an invitation not in this export, and no export opens it"
        )) && !app.notices.iter().any(|n| n.contains("written on to finish")),
        "{:?}",
        app.notices
    );
    assert_eq!(
        leave(&mut app),
        [
            "your reply to Abena Reyes, for an invitation not in this export, stays on disk but will not open: a reply is instead of accepting, and they are accepted now"
        ]
    );
}

/// The check pad copies the note it grades and counts: not the blank
/// lines and spaces around it.
#[test]
fn the_check_pad_copies_the_note_it_grades() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Check);
    let enter = || KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
    app.update(Action::ComposeKey(enter()));
    for c in "  We met  ".chars() {
        app.update(Action::ComposeKey(key(c)));
    }
    app.update(Action::ComposeKey(enter()));
    app.update(Action::ComposeKey(enter()));
    match app.update(Action::ComposeCopy) {
        Some(Effect::Copy { text, .. }) => assert_eq!(text, "We met"),
        other => panic!("{other:?}"),
    }
}

/// A template from a config saved with Windows line ends reads as the
/// template it is, not as words of your own: Esc right after it closes
/// the composer without asking.
#[test]
fn a_template_with_windows_line_ends_is_not_your_words() {
    use invitriage::reply::Templates;
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let mine: std::collections::BTreeMap<String, String> = [(
        "formal".to_string(),
        "Dear {last_name},\r\n\r\nthanks.".to_string(),
    )]
    .into();
    app.templates = Templates::new(&mine).unwrap();
    app.update(Action::Reply);
    app.update(Action::ComposeTemplate(3));
    let text = app.composer.as_ref().unwrap().text();
    assert!(
        text.starts_with("Dear ") && text.trim_end().ends_with(",\n\nthanks."),
        "{text:?}"
    );
    app.update(Action::Cancel);
    assert_eq!(app.mode, Mode::List, "{}", status_text(&app));
}

/// A template with hidden characters (`\u0085`, `\u2028`, `\u202e` in the
/// config) opens as a paste of its text would go in: separators are line
/// breaks, the override and a zero-width space are left out. Before, it
/// was drawn on one line and saved as it was. It is still the template,
/// not your words, and a round trip through the editor changes nothing.
#[test]
fn a_template_with_hidden_characters_opens_as_pasted() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let mine: std::collections::BTreeMap<String, String> = [(
        "u-nel".to_string(),
        "a\u{85}b\u{2028}c\u{202e}RLO\u{202c} d\u{200b}e\u{2029}f\r\ng\rh".to_string(),
    )]
    .into();
    app.templates = Templates::new(&mine).unwrap();
    app.update(Action::Reply);
    app.update(Action::ComposeTemplate(3));
    let text = app.composer.as_ref().unwrap().text();
    assert!(
        text.starts_with("a\nb\ncRLO de\nf\ng\nh"),
        "as a paste puts it: {text:?}"
    );
    let Some(Effect::Editor { text: sent, .. }) = app.update(Action::ComposeEditor) else {
        panic!("no editor");
    };
    app.update(Action::EditorDone(Ok(format!("{sent}\n").into())));
    assert_eq!(app.composer.as_ref().unwrap().text(), text);
    app.update(Action::Cancel);
    assert_eq!(app.mode, Mode::List, "{}", status_text(&app));
}

/// A tab in a draft stays a tab as text comes in (a template, the
/// editor's file, a paste): a round trip through an editor that changes
/// nothing leaves the draft as it was, and the check pad counts a pasted
/// tab as `check` does, one character.
#[test]
fn a_tab_stays_a_tab_in_the_composer_and_the_pad() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let mine: std::collections::BTreeMap<String, String> =
        [("t4".to_string(), "Hi {first_name}\n\tBye".to_string())].into();
    app.templates = Templates::new(&mine).unwrap();
    app.update(Action::Reply);
    app.update(Action::ComposeTemplate(3));
    let filled = app.composer.as_ref().unwrap().text();
    assert!(filled.contains("\n\tBye"), "{filled:?}");
    // Drawn to the next tab stop.
    let s = screen(&app, 80, 24);
    assert!(s.contains("│    Bye "), "{s}");
    let Some(Effect::Editor { text, .. }) = app.update(Action::ComposeEditor) else {
        panic!("no editor");
    };
    assert_eq!(text, filled);
    // An editor that changes nothing gives back the file as written: the
    // text with a line end.
    app.update(Action::EditorDone(Ok(format!("{text}\n").into())));
    let c = app.composer.as_ref().unwrap();
    assert_eq!(c.text(), filled, "the round trip changed nothing");
    assert!(!c.changed());
    // The same for a draft ending in a blank line.
    app.update(Action::ComposeKey(KeyEvent::new(
        KeyCode::End,
        KeyModifiers::CONTROL,
    )));
    app.update(Action::ComposeKey(KeyEvent::new(
        KeyCode::Enter,
        KeyModifiers::NONE,
    )));
    let Some(Effect::Editor { text, .. }) = app.update(Action::ComposeEditor) else {
        panic!("no editor");
    };
    assert!(text.ends_with('\n'), "{text:?}");
    app.update(Action::EditorDone(Ok(format!("{text}\n").into())));
    assert_eq!(app.composer.as_ref().unwrap().text(), text);
    // A pasted tab is a tab.
    app.update(Action::Paste("P.S.\tSee you".into()));
    assert!(
        app.composer
            .as_ref()
            .unwrap()
            .text()
            .contains("P.S.\tSee you"),
        "{:?}",
        app.composer.as_ref().unwrap().text()
    );
    app.update(Action::ComposeSave);
    assert_ne!(app.mode, Mode::Compose);

    // The pad: a pasted tab counts one, as `invitriage check` counts it.
    app.update(Action::Check);
    let note = "Hi Sam,\n\tWe met at the forum.";
    app.update(Action::Paste(note.into()));
    assert_eq!(app.check_pad.as_ref().unwrap().text(), note);
    let grade = invitriage::check::Grade::new(&app.classifier, note, "", "", 300);
    assert_eq!(grade.length, note.chars().count());
    let s = screen(&app, 80, 24);
    assert!(
        s.contains(&format!(" {} / 300 chars ", grade.length)),
        "{s}"
    );
    // And an editor's round trip leaves it as it was.
    let Some(Effect::Editor { text, .. }) = app.update(Action::ComposeEditor) else {
        panic!("no editor");
    };
    app.update(Action::EditorDone(Ok(format!("{text}\n").into())));
    assert_eq!(app.check_pad.as_ref().unwrap().text(), note);
}

/// PgDn (or Ctrl-V) in a draft shorter than the pane moves the cursor to
/// its last line without scrolling the rest out of sight above empty rows;
/// in a long one it scrolls a page at most so far that the last line is at
/// the pane's foot.
#[test]
fn page_down_in_a_draft_does_not_scroll_past_its_end() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Resize(80, 40));
    app.update(Action::Reply);
    let text = app.composer.as_ref().unwrap().text();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() >= 5, "{text:?}");
    let pgdn = KeyEvent::new(KeyCode::PageDown, KeyModifiers::NONE);
    let before = screen(&app, 80, 40);
    for key in [
        pgdn,
        KeyEvent::new(KeyCode::Char('v'), KeyModifiers::CONTROL),
    ] {
        app.update(Action::ComposeKey(key));
        let s = screen(&app, 80, 40);
        assert_eq!(s, before, "all of the draft still in sight: {s}");
        let c = app.composer.as_ref().unwrap();
        assert_eq!(c.editor.cursor().0, lines.len() - 1, "on the last line");
        assert_eq!(c.text(), text);
    }
    // A draft longer than the pane: a page at a time, down to the last
    // line at the pane's foot, never below it.
    app.update(Action::ComposeKey(KeyEvent::new(
        KeyCode::Home,
        KeyModifiers::CONTROL,
    )));
    let long: String = (1..=60).map(|n| format!("line {n}\n")).collect();
    app.update(Action::Paste(long));
    app.update(Action::ComposeKey(KeyEvent::new(
        KeyCode::Home,
        KeyModifiers::CONTROL,
    )));
    screen(&app, 80, 40);
    let mut last = String::new();
    for _ in 0..6 {
        app.update(Action::ComposeKey(pgdn));
        last = screen(&app, 80, 40);
    }
    let rows: Vec<&str> = last.lines().collect();
    let foot = rows.iter().rposition(|r| r.contains('╰')).unwrap();
    let signer = lines[lines.len() - 1].trim();
    assert!(
        rows[foot - 1].contains(signer),
        "the last line at the pane's foot: {last}"
    );
    assert!(last.contains("line 60"), "{last}");
}

/// A name far longer than a status line is cut there, so the keys after
/// it (`t` thanks them, `u` to undo) stay in sight on a narrow screen.
#[test]
fn a_long_name_leaves_the_status_keys_in_sight() {
    let long = format!("Ann {}", "Wolfeschlegelsteinhausenbergerdorff-".repeat(3));
    let csv = format!(
        "From,To,Sent At,Message,Direction\n\
        {long},Colleen Ruiz,\"11/21/26, 9:00 AM\",,INCOMING\n\
        Bo Lee,Colleen Ruiz,\"11/20/26, 9:00 AM\",,INCOMING\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_from_csv(&csv, &dir);
    app.update(Action::Resize(60, 15));
    app.update(Action::Accept);
    let status = status_text(&app);
    assert!(
        status.starts_with("Accepted Ann Wolfeschlegelst…")
            && status.ends_with(" · t thanks them · u to undo"),
        "{status}"
    );
    assert!(status.chars().count() <= 58, "{status}");
}

/// Above the composer, a long name gives way to the count of the note's
/// lines shown, the one sign that the note is cut.
#[test]
fn a_long_name_leaves_the_composer_its_line_count() {
    let long = format!("Ann {}", "Wolfeschlegelsteinhausenbergerdorff-".repeat(3));
    let note = "We met at the expo in Denver and talked about pallets. ".repeat(30);
    let csv = format!(
        "From,To,Sent At,Message,Direction\n\
        {long},Colleen Ruiz,\"11/21/26, 9:00 AM\",{note},INCOMING\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_from_csv(&csv, &dir);
    app.update(Action::Resize(80, 24));
    app.update(Action::Reply);
    let s = screen(&app, 80, 24);
    let header = s.lines().find(|l| l.contains(" wrote")).expect(&s);
    assert!(
        header.contains("Ann Wolfeschlegel")
            && header.contains(" · first ")
            && header.contains(" lines"),
        "{s}"
    );
}

/// `X` where nothing sent is stale says none is, not none is "left".
#[test]
fn withdraw_stale_with_none_stale_says_none_is() {
    let csv = "From,To,Sent At,Message,Direction\n\
        Colleen Ruiz,Greg Hale,\"11/24/26, 9:00 AM\",,OUTGOING\n";
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_from_csv(csv, &dir);
    app.update(Action::Tab(Tab::Sent));
    app.update(Action::WithdrawStale);
    assert_eq!(
        status_text(&app),
        "No stale invitation here to mark (stale: sent 21 days ago or more)"
    );
    // Nor does marking the young one say none is "left".
    app.update(Action::Withdraw);
    assert_eq!(
        status_text(&app),
        "To withdraw on LinkedIn: Greg Hale · u to undo"
    );
}

/// The check pad's title cuts a long name with `…`, as the composer's
/// does, instead of running into the frame's corner.
#[test]
fn the_check_pads_title_cuts_a_long_name() {
    let long = format!("Maximilian {}", "Konstantin-Bartholomäus ".repeat(4));
    let csv = format!(
        "From,To,Sent At,Message,Direction
        Colleen Ruiz,{long},\"11/24/26, 9:00 AM\",,OUTGOING
"
    );
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_from_csv(&csv, &dir);
    app.update(Action::Resize(60, 15));
    app.update(Action::Tab(Tab::Sent));
    app.update(Action::Check);
    let s = screen(&app, 60, 15);
    let top = s
        .lines()
        .find(|l| l.contains("Check a new note to"))
        .expect(&s);
    assert!(top.contains("… ─") || top.contains("… ╮"), "{s}");
}

/// An export without invitations names no key to press "on its row" when
/// the journal's last steps are on another export's.
#[test]
fn an_empty_export_names_no_row_to_change_a_step_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_from_csv(
        "From,To,Sent At,Message,Direction\n\
        Ann Lee,Colleen Ruiz,\"11/21/26, 9:00 AM\",,INCOMING\n\
        Bo Lee,Colleen Ruiz,\"11/20/26, 9:00 AM\",,INCOMING\n",
        &dir,
    );
    app.update(Action::Accept);
    app.update(Action::Accept);
    drop(app);
    let mut app = app_from_csv("From,To,Sent At,Message,Direction\n", &dir);
    app.update(Action::Undo);
    let status = status_text(&app);
    assert!(
        status.starts_with("Not undone") && status.ends_with("and the steps before it wait for it"),
        "{status}"
    );
}

/// The last accept in a list still says `t` thanks them: it does.
#[test]
fn the_last_accept_still_names_the_thank_you_key() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_from_csv(
        "From,To,Sent At,Message,Direction\n\
        Ann Lee,Colleen Ruiz,\"11/21/26, 9:00 AM\",,INCOMING\n",
        &dir,
    );
    app.update(Action::Accept);
    let status = status_text(&app).to_string();
    assert!(
        status.starts_with("Accepted Ann Lee · t thanks them · u to undo"),
        "{status}"
    );
    app.update(Action::ThankYou);
    assert!(app.composer.is_some(), "{:?}", app.status);
}

/// In the composer and the check pad the terminal's own cursor stands
/// where typing goes (a screen reader or an input method follows it);
/// on the list it stands on the selected row, and under the help screen
/// it is hidden.
#[test]
fn the_terminal_cursor_stands_where_typing_goes() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let cursor = |app: &App| {
        let mut t = Terminal::new(TestBackend::new(100, 30)).unwrap();
        let buffer = t.draw(|f| view::draw(app, f)).unwrap().buffer.clone();
        let b = t.backend();
        (b.cursor_visible().then(|| b.cursor_position()), buffer)
    };
    // The list's area starts on the fourth line; the cursor moves with
    // the selected row, from line to line.
    let at = cursor(&app).0.expect("shown on the list");
    assert_eq!((at.x, at.y), (0, 3));
    app.update(Action::Down);
    app.update(Action::Down);
    let at = cursor(&app).0.expect("shown on the list");
    assert_eq!((at.x, at.y), (0, 5));
    app.update(Action::Help);
    assert_eq!(cursor(&app).0, None, "hidden under the help screen");
    app.update(Action::Cancel);
    assert_eq!(cursor(&app).0.map(|at| at.y), Some(5));
    // On the search line, at its mark: ` /l▏e` after Left.
    app.update(Action::Search);
    type_query(&mut app, "le");
    app.update(Action::SearchEdit(invitriage::tui::line::LineEdit::Left));
    let at = cursor(&app).0.expect("shown on the search line");
    assert_eq!((at.x, at.y), (3, 29));
    app.update(Action::Cancel);
    app.update(Action::Reply);
    let (at, buffer) = cursor(&app);
    let at = at.expect("shown in the composer");
    // The editor marks the same cell in reverse video.
    let cell = &buffer[(at.x, at.y)];
    assert!(
        cell.modifier.contains(ratatui::style::Modifier::REVERSED),
        "{at:?}: {:?}",
        cell
    );
    // Typing moves it on by the width of what is typed.
    let key = |c| Action::ComposeKey(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    app.update(key('界'));
    let after = cursor(&app).0.unwrap();
    assert_eq!((after.x, after.y), (at.x + 2, at.y));
    // An emoji of several characters (a skin tone, a ZWJ family) is two
    // columns wide, as the mark is drawn: the cursor stays on the mark.
    for c in "👍🏽👨‍👩‍👧‍👦".chars() {
        app.update(key(c));
    }
    let (now, buffer) = cursor(&app);
    let now = now.unwrap();
    assert_eq!((now.x, now.y), (after.x + 4, after.y));
    assert!(
        buffer[(now.x, now.y)]
            .modifier
            .contains(ratatui::style::Modifier::REVERSED)
    );
}

/// After the last character of a line that fills the composer's row, the
/// cursor and its mark stand at the start of the next row, where the next
/// character typed goes: they stood on the last character, the same
/// before and after it was typed (x×97 then Y, 100 columns wide).
#[test]
fn the_cursor_after_a_full_row_is_at_the_next_rows_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Reply);
    app.composer.as_mut().unwrap().set_text("");
    let cursor = |app: &App| {
        let mut t = Terminal::new(TestBackend::new(100, 30)).unwrap();
        let buffer = t.draw(|f| view::draw(app, f)).unwrap().buffer.clone();
        let at = t.backend().cursor_position();
        let reversed = buffer[(at.x, at.y)]
            .modifier
            .contains(ratatui::style::Modifier::REVERSED);
        (at.x, at.y, reversed)
    };
    for _ in 0..97 {
        app.update(Action::ComposeKey(key('x')));
    }
    let (x, y, marked) = cursor(&app);
    assert!(marked);
    app.update(Action::ComposeKey(key('Y')));
    let full = cursor(&app);
    assert_eq!(full, (x - 97, y + 1, true), "the next row's start");
    // Where the next character goes.
    app.update(Action::ComposeKey(key('Z')));
    let (zx, zy, _) = cursor(&app);
    assert_eq!((zx - 1, zy), (full.0, full.1));
}

/// The character under the composer's mark is drawn whole when it is a
/// cluster of several: an accent written apart (`e` and U+0301) was lost
/// on the screen, and a joined emoji drawn in two parts pushed the rest of
/// the row two columns on (a tester writing to José and in Thai).
#[test]
fn the_mark_draws_a_cluster_whole() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Reply);
    let key = |code| Action::ComposeKey(KeyEvent::new(code, KeyModifiers::NONE));
    app.update(key(KeyCode::Enter));
    for c in "Jose\u{301}x 👩\u{200d}💻y ที่z".chars() {
        app.update(key(KeyCode::Char(c)));
    }
    let marked = |app: &App| {
        let mut t = Terminal::new(TestBackend::new(100, 30)).unwrap();
        let buffer = t.draw(|f| view::draw(app, f)).unwrap().buffer.clone();
        let at = t.backend().cursor_position();
        let cell = |dx: u16| buffer[(at.x + dx, at.y)].symbol().to_string();
        (cell(0), cell(1), cell(2), cell(3))
    };
    // On `ที่`: the consonant with both its marks, then `z`.
    app.update(key(KeyCode::Left));
    app.update(key(KeyCode::Left));
    let (on, next, ..) = marked(&app);
    assert_eq!((on.as_str(), next.as_str()), ("ที่", "z"));
    // On the joined emoji: two columns, then `y` where it belongs.
    for _ in 0..3 {
        app.update(key(KeyCode::Left));
    }
    let (on, _, after, then) = marked(&app);
    assert_eq!(on, "👩\u{200d}💻");
    assert_eq!((after.as_str(), then.as_str()), ("y", " "));
    // On the `é` written apart: whole, then `x`.
    for _ in 0..3 {
        app.update(key(KeyCode::Left));
    }
    let (on, next, ..) = marked(&app);
    assert_eq!((on.as_str(), next.as_str()), ("e\u{301}", "x"));
}

/// A draft longer than a small screen's editor says that more of it is
/// below, or above, on the editor's border.
#[test]
fn the_composer_says_when_lines_are_hidden() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Reply);
    assert!(
        screen(&app, 60, 15).contains("╰ ↓ more below ─"),
        "{}",
        screen(&app, 60, 15)
    );
    assert!(
        !screen(&app, 100, 30).contains("more"),
        "{}",
        screen(&app, 100, 30)
    );
}

/// `x` on the last stale row moves up to the nearest stale one left, and
/// says so: the next key acts from there, not from the row below.
#[test]
fn a_withdraw_mark_at_the_bottom_says_it_moved_up() {
    let sent_to = |app: &App| {
        app.current()
            .map(|i| i.to().to_string())
            .unwrap_or_default()
    };
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Tab(Tab::Sent));
    app.update(Action::Last);
    let marked = sent_to(&app);
    app.update(Action::Withdraw);
    let now = sent_to(&app);
    assert_ne!(now, marked);
    assert_eq!(
        status_text(&app),
        format!(
            "To withdraw on LinkedIn: {marked} · u to undo · none left below: up to {now}, stale too"
        )
    );
    // Down the list, as the README says: no word.
    app.update(Action::First);
    app.update(Action::Withdraw);
    assert!(
        !status_text(&app).contains("none left below"),
        "{}",
        status_text(&app)
    );
}

/// The check pad says so too when its note has lines out of view.
#[test]
fn the_check_pad_says_when_lines_are_hidden() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.update(Action::Check);
    let pad = |app: &mut App, c| app.update(Action::ComposeKey(key(c)));
    for c in "Hi Sam".chars() {
        pad(&mut app, c);
    }
    assert!(
        !screen(&app, 60, 15).contains("more ─"),
        "{}",
        screen(&app, 60, 15)
    );
    for _ in 0..8 {
        app.update(Action::ComposeKey(crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Enter,
            crossterm::event::KeyModifiers::NONE,
        )));
    }
    pad(&mut app, 'x');
    assert!(
        screen(&app, 60, 15).contains("─ ↑ more ─"),
        "{}",
        screen(&app, 60, 15)
    );
}

/// Marking a row says so, with what acts on the marks: the `•` and the
/// header's count alone are easily missed, read as text.
#[test]
fn marking_a_row_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let first = current_name(&app);
    app.update(Action::Mark);
    assert_eq!(
        status_text(&app),
        format!("Marked {first} · 1 marked: A accepts, I ignores them")
    );
    let second = current_name(&app);
    app.update(Action::Mark);
    assert_eq!(
        status_text(&app),
        format!("Marked {second} · 2 marked: A accepts, I ignores them")
    );
}

/// A decision made on an invitation sent hours before the one shown (a
/// time zone apart, or sent again within the day) stands, and the detail
/// pane says so.
#[test]
fn a_decision_on_an_invitation_sent_hours_before_is_said() {
    use invitriage::journal::{Decision, Journal};
    let dir = tempfile::tempdir().unwrap();
    let app = sample_app(dir.path());
    let kenji = app.invitations[app.rows[0] as usize].clone();
    drop(app);
    {
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        let then = kenji.sent_at - chrono::Duration::hours(6);
        j.record_decision_on(&[kenji.id], &[then], Some(Decision::Ignored), kenji.sent_at)
            .unwrap();
    }
    let mut app = sample_app(dir.path());
    go_to(&mut app, kenji.id);
    let shown = screen(&app, 120, 40);
    assert!(
        shown.contains("decided on an invitation sent ")
            && shown.contains(": sent again? then decide it again"),
        "{shown}"
    );
}

/// A draft marked sent in an earlier run and marked not sent in this one
/// changes no decision: the farewell says so all the same.
#[test]
fn the_farewell_counts_a_draft_marked_not_sent() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let id = app.current().unwrap().id;
    app.update(Action::Reply);
    for c in "Happy to talk.".chars() {
        app.update(Action::ComposeKey(key(c)));
    }
    app.update(Action::ComposeSave);
    go_to(&mut app, id);
    app.update(Action::MarkSent);
    drop(app);
    let mut app = sample_app(dir.path());
    assert_eq!(app.farewell(), None, "nothing done yet in this run");
    go_to(&mut app, id);
    app.update(Action::MarkSent);
    let farewell = app.farewell().unwrap();
    assert!(
        farewell.starts_with("1 draft marked not sent this session;"),
        "{farewell}"
    );
    // Marked sent again: nothing changed after all.
    app.update(Action::MarkSent);
    assert_eq!(app.farewell(), None);
}

/// `S` right after saving a reply marks that person's reply sent (the
/// list has moved on); the detail pane says so; `S` again takes the mark
/// back, and `u` undoes that.
#[test]
fn a_saved_reply_is_marked_sent_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let id = app.current().unwrap().id;
    let name = app.current().unwrap().from().to_string();
    app.update(Action::MarkSent);
    assert_eq!(
        status_text(&app),
        format!("No saved draft to {name} to mark sent · r drafts a reply")
    );
    app.update(Action::Reply);
    for c in "Happy to talk.".chars() {
        app.update(Action::ComposeKey(key(c)));
    }
    app.update(Action::ComposeSave);
    assert_ne!(app.current().unwrap().id, id, "the list moved on");
    app.update(Action::MarkSent);
    assert!(
        status_text(&app).starts_with(&format!(
            "Marked the reply to {name} sent on LinkedIn: the action lists leave it out · u takes it back"
        )),
        "{}",
        status_text(&app)
    );
    let reply = app.journal.state(id).unwrap().reply.clone().unwrap();
    assert_eq!(reply.marked_sent, Some(now()));
    let farewell = app.farewell().unwrap();
    assert!(
        farewell.starts_with("1 decided and 1 draft marked sent this session;"),
        "{farewell}"
    );
    app.update(Action::Up);
    assert_eq!(app.current().unwrap().id, id);
    let shown = screen(&app, 120, 40);
    assert!(
        shown.contains("marked sent today (S: not sent after all)"),
        "{shown}"
    );
    // The list tells it from a reply still to send.
    assert!(shown.contains("▸↩✓"), "{shown}");
    app.update(Action::MarkSent);
    assert_eq!(
        status_text(&app),
        format!(
            "The reply to {name} is marked not sent: the action lists have it again · S marks it sent"
        )
    );
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("▸↩ ") && !shown.contains("↩✓"), "{shown}");
    assert_eq!(
        app.journal
            .state(id)
            .unwrap()
            .reply
            .as_ref()
            .unwrap()
            .marked_sent,
        None
    );
    app.update(Action::Undo);
    assert_eq!(
        status_text(&app),
        format!("Undid marking the reply not sent: {name}")
    );
    assert!(
        app.journal
            .state(id)
            .unwrap()
            .reply
            .as_ref()
            .unwrap()
            .marked_sent
            .is_some()
    );
    // Opened again, it says what saving it does.
    app.update(Action::Reply);
    assert_eq!(app.mode, Mode::Compose);
    assert!(
        status_text(&app).starts_with(
            "Your reply marked sent 25 Nov: changed and saved, it is a new message to send"
        ),
        "{}",
        status_text(&app)
    );
    app.update(Action::Cancel);
    assert_eq!(app.mode, Mode::List);
    // Ignored: nothing to send.
    app.update(Action::Ignore);
    app.update(Action::Up);
    app.update(Action::MarkSent);
    assert_eq!(
        status_text(&app),
        "Nothing to mark sent: you ignored this invitation"
    );
    // The reply marked sent before the ignore is still said to be sent.
    let shown = screen(&app, 120, 40);
    assert!(
        shown.contains("reply drafted today · marked sent today")
            && !shown.contains("not sent: ignored"),
        "{shown}"
    );
}

/// Words that would replace a reply marked sent say so wherever the
/// composer opens on them (an undone edit brought back), and `c` says the
/// draft it copies was marked sent.
#[test]
fn words_over_a_reply_marked_sent_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let id = app.current().unwrap().id;
    app.update(Action::Reply);
    app.update(Action::ComposeSave);
    app.update(Action::MarkSent);
    app.update(Action::Up);
    assert_eq!(app.current().unwrap().id, id);
    assert!(matches!(
        app.update(Action::CopyDraft),
        Some(Effect::Copy { label, .. }) if label.ends_with(", marked sent 25 Nov")
    ));
    // Saved again unchanged: still the message marked sent, and said.
    app.update(Action::Reply);
    assert!(matches!(
        app.update(Action::ComposeSave),
        Some(Effect::Copy { label, .. })
            if label.ends_with("unchanged since 25 Nov, marked sent 25 Nov (S would take the mark back)")
    ));
    assert!(
        app.journal
            .state(id)
            .unwrap()
            .reply
            .as_ref()
            .unwrap()
            .marked_sent
            .is_some()
    );
    app.update(Action::Reply);
    for c in " PS".chars() {
        app.update(Action::ComposeKey(key(c)));
    }
    app.update(Action::ComposeSave);
    app.update(Action::Undo);
    assert!(
        status_text(&app).starts_with("Undid the edit of the reply to "),
        "{}",
        status_text(&app)
    );
    app.update(Action::Reply);
    assert_eq!(
        status_text(&app),
        "Your undone reply is back: Ctrl-S saves it again · the one saved was marked sent 25 Nov: saved, this is a new message to send"
    );
}

/// A thank-you marked sent with `mark-sent` for someone gone from this
/// export is on top of the undo stack: `u` undoes it, by name, rather than
/// waiting for an export that holds them (which held up every undo), and
/// the next `u` goes on to the step under it.
#[test]
fn u_undoes_a_mark_sent_for_someone_gone() {
    use invitriage::journal::{DraftKind, Journal, Whom};
    let dir = tempfile::tempdir().unwrap();
    let gone: invitriage::invitation::InvitationId = "00000000000000aa".parse().unwrap();
    let mut app = open_export(
        dir.path(),
        "newer.csv",
        format!("{HEAD}{}", incoming_row("Eve Ng", "11/1/26, 9:00 AM")),
    );
    app.update(Action::Accept);
    drop(app);
    {
        let (mut j, _) = Journal::open(&dir.path().join("data")).unwrap();
        j.record_decision(&[gone], Some(Decision::Accepted), now())
            .unwrap();
        j.record_draft_to(
            gone,
            DraftKind::ThankYou,
            "Thanks, Ada!",
            now(),
            Whom::new("Ada Lovelace", "https://www.linkedin.com/in/ada"),
        )
        .unwrap();
        j.record_mark_sent(gone, DraftKind::ThankYou, true, now())
            .unwrap();
    }
    let mut app = open_export(
        dir.path(),
        "newer.csv",
        format!("{HEAD}{}", incoming_row("Eve Ng", "11/1/26, 9:00 AM")),
    );
    app.update(Action::Undo);
    assert_eq!(
        status_text(&app),
        "Undid marking the thank-you sent: Ada Lovelace, not in this export"
    );
    assert!(
        app.journal
            .state(gone)
            .unwrap()
            .thank_you
            .as_ref()
            .unwrap()
            .marked_sent
            .is_none()
    );
    // The next: the thank-you, on someone not here, waits, as before.
    app.update(Action::Undo);
    assert!(
        status_text(&app).starts_with("Not undone: the last step (thank-you draft, Ada Lovelace,"),
        "{}",
        status_text(&app)
    );
}

/// `S` taking back a mark an earlier run made brings the reply back to
/// the lists with an earlier date: the quit line must not offer
/// `--since` this run's start, which would leave it out.
#[test]
fn taking_back_an_earlier_runs_mark_is_brought_back() {
    use invitriage::journal::{DraftKind, Journal};
    let dir = tempfile::tempdir().unwrap();
    let app = sample_app(dir.path());
    let (id, name) = (app.current().unwrap().id, current_name(&app));
    drop(app);
    let day_before = now() - chrono::TimeDelta::days(1);
    {
        let (mut j, _) = Journal::open(dir.path()).unwrap();
        j.record_draft(id, DraftKind::Reply, "How can I help?", day_before)
            .unwrap();
        j.record_mark_sent(id, DraftKind::Reply, true, day_before)
            .unwrap();
    }
    let mut app = sample_app(dir.path());
    show_all(&mut app);
    go_to(&mut app, id);
    assert!(app.brought_back_before(now()).is_empty());
    app.update(Action::MarkSent);
    assert!(
        status_text(&app).contains("is marked not sent"),
        "{}",
        status_text(&app)
    );
    assert_eq!(app.brought_back_before(now()), vec![name]);
}

const VERBS: &[&str] = &[
    "accepts", "brings", "changes", "copies", "cycles", "drafts", "goes", "ignores", "marks",
    "next", "offers", "opens", "previous", "scrolls", "shows", "takes", "thanks", "twice",
    "undoes", "unmarks", "writes",
];

/// A status that formatted a key `[keys]` left out: a gap (`press  for`),
/// a verb with no key before it (`· writes one`, `: accepts it instead`),
/// or brackets round nothing.
fn assert_no_missing_key(what: &str, text: &str) {
    let said = format!("{what}: {text:?}");
    assert!(!text.starts_with(' '), "starts with a space: {said}");
    assert!(!text.ends_with(' '), "ends with a space: {said}");
    assert!(!text.contains("  "), "a doubled space: {said}");
    assert_no_keyless_verb(&said, text);
}

fn assert_no_keyless_verb(said: &str, text: &str) {
    assert!(!text.contains("()"), "brackets round nothing: {said}");
    for sep in [" · ", ": ", ", ", "; ", "(", "· "] {
        for (at, _) in text.match_indices(sep) {
            let rest = &text[at + sep.len()..];
            let word = rest
                .split(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or_default();
            assert!(
                !VERBS.contains(&word) && !rest.starts_with("on their"),
                "{sep:?} then {word:?}, with no key: {said}"
            );
        }
    }
}

/// The screen, checked as [`assert_no_missing_key`] checks a status, in
/// the stretches its columns and borders part: a key left out there shows
/// as a gap, a stretch that ends on a ` ·` or starts with a verb.
fn assert_screen_names_no_missing_key(what: &str, app: &App) {
    let out = screen(app, 120, 40);
    for line in out.lines() {
        let line = line.trim().trim_matches('"');
        for part in line.split(['│', '╭', '╮', '╰', '╯', '─']) {
            for stretch in part.split("  ").map(str::trim).filter(|p| !p.is_empty()) {
                let said = format!("{what}: {stretch:?} in {line:?}");
                assert!(!stretch.ends_with(" ·"), "a gap after a ·: {said}");
                let first = stretch
                    .split(|c: char| !c.is_alphabetic())
                    .next()
                    .unwrap_or_default();
                assert!(!VERBS.contains(&first), "{first:?} with no key: {said}");
                assert_no_keyless_verb(&said, stretch);
            }
        }
    }
}

/// With most actions left without a key (`[keys]` as a tester had it), no
/// status or line of the screen leaves a gap where a key would be, nor
/// reads as if the key just pressed did the thing: the hint is left out,
/// or where it is the only way on, the action is said to have no key.
#[test]
fn messages_read_right_with_actions_left_without_a_key() {
    use invitriage::config::KeyBinding;
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let mut keys = std::collections::BTreeMap::new();
    for action in [
        "thank_you",
        "reply",
        "open",
        "mark_sent",
        "search",
        "next_match",
        "prev_match",
        "ignore_marked",
        "withdraw",
        "accept",
        "detail_down",
        "filter",
        "next_tab",
        "tab_customised",
        "tab_greeting_only",
        "tab_default",
        "tab_all",
        "tab_sent",
        "check",
        "copy_url",
        "copy_draft",
    ] {
        keys.insert(action.to_string(), KeyBinding::Many(vec![]));
    }
    // `i` taken from ignore, which is left without a key.
    keys.insert("mark".to_string(), KeyBinding::One("i".into()));
    app.keymap = Keymap::new(&keys).unwrap();
    let check = |app: &mut App, action: Action| {
        let what = format!("{action:?}");
        app.update(action);
        if let Some(s) = &app.status {
            assert_no_missing_key(&what, &s.text);
            if let Some(cut) = &s.when_cut {
                assert_no_missing_key(&what, cut);
            }
        }
        assert_screen_names_no_missing_key(&what, app);
    };
    // A long note, the first row's, in a short pane.
    app.update(Action::Resize(60, 15));
    let out = screen(&app, 60, 15);
    assert!(out.contains("… 6 more lines · Ctrl-D scrolls"), "{out}");
    // With no key to scroll it at all, that is said.
    let saved = app.keymap.clone();
    let mut none = keys.clone();
    none.insert("detail_half_down".to_string(), KeyBinding::Many(vec![]));
    app.keymap = Keymap::new(&none).unwrap();
    let flat = screen(&app, 60, 15)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        flat.contains("… 6 more lines · `detail_down` has no key"),
        "{flat}"
    );
    app.keymap = saved;
    app.update(Action::Resize(120, 40));
    for action in [
        Action::NextMatch,
        Action::CopyDraft,
        Action::MarkSent,
        Action::ThankYou,
        Action::Withdraw,
        Action::WithdrawStale,
    ] {
        check(&mut app, action);
    }
    // A search, and its matches.
    app.update(Action::Search);
    type_query(&mut app, "a");
    check(&mut app, Action::SearchSubmit);
    check(&mut app, Action::NextMatch);
    // A decision, and the keys after it.
    check(&mut app, Action::Ignore);
    check(&mut app, Action::Up);
    check(&mut app, Action::ThankYou);
    check(&mut app, Action::Accept);
    for action in [Action::CopyDraft, Action::MarkSent, Action::Undo] {
        check(&mut app, action);
    }
    // A reply left for later, then saved and undone.
    app.update(Action::Reply);
    type_and_leave_for_later(&mut app, 'x');
    let s = status_text(&app).to_string();
    assert!(
        s.contains("`reply` has no key ([keys] in the config)"),
        "{s}"
    );
    assert_no_missing_key("left for later", &s);
    assert_screen_names_no_missing_key("left for later", &app);
    check(&mut app, Action::CopyDraft);
    check(&mut app, Action::MarkSent);
    app.update(Action::Reply);
    check(&mut app, Action::ComposeSave);
    check(&mut app, Action::Undo);
    // The undone words, changed, then closed.
    app.update(Action::Reply);
    app.update(Action::ComposeKey(key('y')));
    check(&mut app, Action::Cancel);
    check(&mut app, Action::ComposeKey(key('y')));
    // Two replies left for later, and a start with no key to them.
    app.update(Action::Down);
    for _ in 0..2 {
        app.update(Action::Down);
        app.update(Action::Reply);
        type_and_leave_for_later(&mut app, 'x');
    }
    leave(&mut app);
    drop(app);
    let keymap = Keymap::new(&keys).unwrap();
    let mut app = app_keyed(Source::Sample, dir.path(), false, &[], None, None, keymap);
    app.update(Action::Resize(120, 40));
    assert_eq!(app.mode, Mode::Compose);
    let s = status_text(&app).to_string();
    assert!(
        s.contains("· 1 more unsaved draft, to ")
            && s.ends_with(": `reply` has no key ([keys] in the config)"),
        "{s}"
    );
    assert_no_missing_key("start", &s);
    check(&mut app, Action::Cancel);
    check(&mut app, Action::ComposeKey(key('l')));
    // Pitches marked, then the whole tab ignored: the next tab has no key.
    check(&mut app, Action::MarkPitches);
    // Marked to be ignored together, whose key is none: said.
    assert!(
        status_text(&app).contains("`ignore_marked` has no key ([keys] in the config)"),
        "{}",
        status_text(&app)
    );
    check(&mut app, Action::Cancel);
    check(&mut app, Action::IgnoreMarked);
    check(&mut app, Action::Confirm(true));
    // The tab done: nothing under the filter.
    check(&mut app, Action::Tab(Tab::Customised));
    check(&mut app, Action::Accept);
    check(&mut app, Action::MarkPitches);
    check(&mut app, Action::CopyDraft);
    drop(app);

    // A list left empty: by the filter, and on a tab with nobody.
    let rows = format!("{HEAD}{}", incoming_row("Eve Ng", "11/1/26, 9:00 AM"));
    let other = tempfile::tempdir().unwrap();
    let mut app = open_export(other.path(), "one.csv", rows);
    app.keymap = Keymap::new(&keys).unwrap();
    app.update(Action::Tab(Tab::Default));
    check(&mut app, Action::Ignore);
    check(&mut app, Action::Tab(Tab::Customised));
    for action in [Action::Accept, Action::OpenProfile, Action::CopyDraft] {
        check(&mut app, action);
    }
    check(&mut app, Action::Tab(Tab::Default));
    for action in [Action::Accept, Action::MarkSent, Action::MarkPitches] {
        check(&mut app, action);
    }
    drop(app);

    // The next tab without a key of its own: the next-tab key gets there.
    let other = tempfile::tempdir().unwrap();
    let mut app = sample_app(other.path());
    let mut keys = std::collections::BTreeMap::new();
    keys.insert("tab_greeting_only".to_string(), KeyBinding::Many(vec![]));
    app.keymap = Keymap::new(&keys).unwrap();
    app.update(Action::AcceptMarked);
    app.update(Action::Confirm(true));
    assert!(
        status_text(&app).ends_with("all decided here · press Tab for Greeting-only"),
        "{}",
        status_text(&app)
    );

    // The help's box, with no key to scroll it down, says only that
    // there is more.
    let mut keys = std::collections::BTreeMap::new();
    for action in ["down", "page_down"] {
        keys.insert(action.to_string(), KeyBinding::Many(vec![]));
    }
    app.keymap = Keymap::new(&keys).unwrap();
    app.update(Action::Help);
    let out = screen(&app, 80, 24);
    assert!(out.contains("─ ↓ more ╯"), "{out}");
}
