//! Benchmarks of the import → classify → stats pipeline and of the triage
//! screen, over synthetic exports from `invitriage::synth`.
//!
//! Run all of them with `cargo bench --bench pipeline`, one group with
//! `cargo bench --bench pipeline -- classify`. Sizes are 10k, 100k and 1M
//! rows; `INVITRIAGE_BENCH_MAX_ROWS=100000` leaves out the larger ones.
//! Each export is generated once, into a temporary directory, the first time
//! a benchmark needs it (never inside the timed code). See BENCHMARKS.md for
//! the figures and the goals they are measured against.
//!
//! Groups:
//! - `import` (whole invitations, unclassified), `classify` (over those),
//!   `stats` (the breakdown of classified invitations), and `pipeline`
//!   (what `invitriage stats FILE` runs: the facts of every row read and
//!   classified on every core, then the breakdown), each at every size, in
//!   rows/s;
//! - `tui_first_frame`: `App::new` + the first draw into a 120×40
//!   `TestBackend` (`app_and_draw`), and the same from the file on
//!   (`from_file`: import, classify, journal, app, first frame);
//! - `journal_replay` at 100k and 1M: `Journal::open_read_only` of a
//!   journal of bulk steps over every incoming invitation (accept the
//!   default ones, undo, accept them again, ignore the greeting-only ones,
//!   one by one a hundred customised), as a start-up replays it;
//! - `tui_key` at the largest size: one key and the redraw after it
//!   (`down`, `next_tab`, and `accept`, whose journal write ends in an fsync),
//!   two keys typed in the composer (`compose_two_keys`), and a bulk
//!   ignore of the Default tab with its undo (`bulk_ignore_and_undo`).

use std::cell::OnceCell;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDateTime;
use criterion::measurement::WallTime;
use criterion::{BatchSize, BenchmarkGroup, BenchmarkId, Criterion, SamplingMode, Throughput};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tempfile::TempDir;

use invitriage::classify::{Classifier, Lists};
use invitriage::import::{self, Import, Source};
use invitriage::invitation::Invitation;
use invitriage::journal::Journal;
use invitriage::stats::{self, DirectionFilter};
use invitriage::synth;
use invitriage::tui::app::{App, AppInit, Tab};
use invitriage::tui::keys::{Action, Keymap};
use invitriage::tui::view;

/// The sizes every pipeline group runs at.
const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];
/// The seed of every generated export (the same bytes on every run).
const SEED: u64 = 42;
/// The terminal the screen benchmarks draw into.
const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;
/// The sizes `tui_first_frame` runs at (those `INVITRIAGE_BENCH_MAX_ROWS` allows).
const FIRST_FRAME_SIZES: [usize; 2] = [100_000, 1_000_000];

/// One generated export on disk.
struct Export {
    _dir: TempDir,
    path: PathBuf,
}

/// Everything a size needs, made on first use and kept for the later groups.
struct Size {
    rows: usize,
    export: OnceCell<Export>,
    /// The export's invitations, loaded and classified.
    classified: OnceCell<Vec<Invitation>>,
}

impl Size {
    fn new(rows: usize) -> Size {
        Size {
            rows,
            export: OnceCell::new(),
            classified: OnceCell::new(),
        }
    }

    fn path(&self) -> &Path {
        &self
            .export
            .get_or_init(|| {
                let dir = tempfile::Builder::new()
                    .prefix("invitriage-bench-")
                    .tempdir()
                    .expect("create a temporary directory");
                let path = dir.path().join(format!("Invitations-{}.csv", self.rows));
                let file = std::fs::File::create(&path).expect("create the export");
                synth::write(file, self.rows, SEED).expect("write the export");
                Export { _dir: dir, path }
            })
            .path
    }

    fn source(&self) -> Source {
        Source::Path(self.path().to_path_buf())
    }

    fn classified(&self) -> &Vec<Invitation> {
        self.classified.get_or_init(|| {
            let mut import = load(&self.source());
            Classifier::new(&Lists::default()).apply(&mut import.invitations, None);
            import.invitations
        })
    }

    /// Frees the memory of this size's invitations (the export stays).
    fn release(&mut self) {
        self.classified.take();
    }
}

fn load(source: &Source) -> Import {
    let import = import::load(source).expect("load the generated export");
    assert!(
        import.skipped.is_empty(),
        "the generated export has unreadable rows"
    );
    import
}

/// A fixed "now", so that ages are the same on every run.
fn now() -> NaiveDateTime {
    import::parse_sent_at("2026-12-31T12:00:00").expect("a valid date")
}

/// The largest size to run, from `INVITRIAGE_BENCH_MAX_ROWS`.
fn max_rows() -> usize {
    match std::env::var("INVITRIAGE_BENCH_MAX_ROWS") {
        Ok(v) => v.trim().replace('_', "").parse().unwrap_or_else(|_| {
            panic!("INVITRIAGE_BENCH_MAX_ROWS must be a number of rows, not {v:?}")
        }),
        Err(_) => usize::MAX,
    }
}

/// Sampling for a benchmark whose one iteration over `rows` takes a while:
/// ten samples, flat (the same iteration count in each), so a 1M-row run is
/// about ten iterations rather than the 55 linear sampling would ask for.
fn configure(group: &mut BenchmarkGroup<'_, WallTime>, rows: usize) {
    group.sample_size(10);
    if rows >= 100_000 {
        group.sampling_mode(SamplingMode::Flat);
        group.warm_up_time(Duration::from_secs(1));
        group.measurement_time(Duration::from_secs(if rows >= 1_000_000 { 20 } else { 8 }));
    } else {
        group.sampling_mode(SamplingMode::Auto);
        group.warm_up_time(Duration::from_secs(1));
        group.measurement_time(Duration::from_secs(4));
    }
}

/// One group with a benchmark per size, in rows per second; `run` times
/// one size.
fn per_size(
    c: &mut Criterion,
    name: &str,
    sizes: &[Size],
    mut run: impl FnMut(&mut criterion::Bencher<'_>, &Size),
) {
    let mut group = c.benchmark_group(name);
    for size in sizes {
        configure(&mut group, size.rows);
        group.throughput(Throughput::Elements(size.rows as u64));
        group.bench_function(BenchmarkId::from_parameter(size.rows), |b| run(b, size));
    }
    group.finish();
}

fn bench_import(c: &mut Criterion, sizes: &[Size]) {
    per_size(c, "import", sizes, |b, size| {
        let source = size.source();
        b.iter(|| load(black_box(&source)));
    });
}

fn bench_classify(c: &mut Criterion, sizes: &[Size]) {
    let classifier = Classifier::new(&Lists::default());
    per_size(c, "classify", sizes, |b, size| {
        // Classifying overwrites the category and signals, so one vector
        // serves every iteration; the result does not depend on what the
        // previous iteration left.
        let mut invitations = load(&size.source()).invitations;
        b.iter(|| classifier.apply(black_box(&mut invitations), None));
    });
}

fn bench_stats(c: &mut Criterion, sizes: &[Size]) {
    per_size(c, "stats", sizes, |b, size| {
        let invitations = size.classified();
        b.iter(|| stats::breakdown(black_box(invitations), DirectionFilter::Incoming));
    });
}

/// What `invitriage stats FILE` does between parsing its arguments and
/// printing: read the facts of every row, classifying the incoming ones as
/// they are read (on every core), then break them down. (Printing the
/// breakdown is a few dozen lines whatever the size, so it is left out.)
fn stats_command(source: &Source) -> usize {
    let classifier = Classifier::new(&Lists::default());
    let classify = |note: &str, from: &str, to: &str| classifier.classify(note, from, to);
    let import = import::load_facts(source, &classify, DirectionFilter::Incoming, now())
        .expect("the generated export loads");
    import.invitations.breakdown().total
}

fn bench_pipeline(c: &mut Criterion, sizes: &[Size]) {
    per_size(c, "pipeline", sizes, |b, size| {
        let source = size.source();
        b.iter(|| stats_command(black_box(&source)));
    });
}

/// A journal in a fresh temporary directory. The directory must outlive the
/// journal; dropping both removes it.
fn journal() -> (Journal, TempDir) {
    let dir = tempfile::Builder::new()
        .prefix("invitriage-bench-journal-")
        .tempdir()
        .expect("create a temporary directory");
    let (journal, _notices) = Journal::open(dir.path()).expect("open the journal");
    (journal, dir)
}

fn new_app(invitations: Vec<Invitation>, journal: Journal) -> App {
    let mut app = App::new(AppInit {
        source_name: "Invitations.csv".into(),
        invitations,
        journal,
        keymap: Keymap::default(),
        now: now(),
        my_name: None,
        templates: Default::default(),
        stale_after_days: 21,
        note_limit: 300,
        classifier: Classifier::new(&Lists::default()),
        notices: Vec::new(),
        color: true,
        palette_256: true,
        // Decisions get the wall clock, as in the real app.
        frozen_clock: false,
        seen_before: None,
        seen_now: None,
        export_command: "`invitriage export --format md`".into(),
        skipped_rows: 0,
    });
    // The event loop's first act: tell the app the terminal's size.
    app.update(Action::Resize(WIDTH, HEIGHT));
    app
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test terminal")
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal
        .draw(|f| view::draw(app, f))
        .expect("draw into the test backend");
}

/// A journal of bulk steps over `invitations` (see the module docs), in a
/// fresh temporary directory; returns its size in bytes.
fn bulk_journal(invitations: &[Invitation]) -> (TempDir, u64) {
    use invitriage::classify::Category;
    use invitriage::invitation::Direction;
    use invitriage::journal::Decision;
    let (mut journal, dir) = journal();
    let ids = |category: Category| -> Vec<_> {
        invitations
            .iter()
            .filter(|i| i.direction == Direction::Incoming && i.category == category)
            .map(|i| i.id)
            .collect()
    };
    let at = now();
    let default = ids(Category::Default);
    journal
        .record_decision(&default, Some(Decision::Accepted), at)
        .expect("write the journal");
    journal.undo(at).expect("write the journal");
    journal
        .record_decision(&default, Some(Decision::Accepted), at)
        .expect("write the journal");
    journal
        .record_decision(&ids(Category::GreetingOnly), Some(Decision::Ignored), at)
        .expect("write the journal");
    for id in ids(Category::Customised).into_iter().take(100) {
        journal
            .record_decision(&[id], Some(Decision::Accepted), at)
            .expect("write the journal");
    }
    let bytes = std::fs::metadata(journal.path()).map_or(0, |m| m.len());
    (dir, bytes)
}

fn bench_journal_replay(c: &mut Criterion, sizes: &[Size]) {
    let mut group = c.benchmark_group("journal_replay");
    for size in sizes.iter().filter(|s| FIRST_FRAME_SIZES.contains(&s.rows)) {
        configure(&mut group, size.rows);
        let (dir, bytes) = bulk_journal(size.classified());
        group.throughput(Throughput::Bytes(bytes));
        group.bench_function(BenchmarkId::from_parameter(size.rows), |b| {
            b.iter(|| Journal::open_read_only(black_box(dir.path())).expect("replay"));
        });
    }
    group.finish();
}

fn bench_first_frame(c: &mut Criterion, sizes: &[Size]) {
    let mut group = c.benchmark_group("tui_first_frame");
    for size in sizes.iter().filter(|s| FIRST_FRAME_SIZES.contains(&s.rows)) {
        configure(&mut group, size.rows);
        group.throughput(Throughput::Elements(size.rows as u64));
        // From classified invitations: the app's own start-up cost. The copy
        // of the invitations and the journal's temporary directory are made
        // outside the timer; opening the journal is timed, as it is part of
        // starting (a new one each time, so this includes the fsync of its
        // directory, as on a first start). PerIteration: the app holds the
        // journal's lock, so each one is dropped, untimed, before the next
        // is made.
        group.bench_function(BenchmarkId::new("app_and_draw", size.rows), |b| {
            let invitations = size.classified();
            b.iter_batched(
                || {
                    let dir = tempfile::Builder::new()
                        .prefix("invitriage-bench-journal-")
                        .tempdir()
                        .expect("create a temporary directory");
                    (invitations.clone(), dir, terminal())
                },
                |(invitations, dir, mut terminal)| {
                    let (journal, _notices) = Journal::open(dir.path()).expect("open the journal");
                    let app = new_app(invitations, journal);
                    draw(&mut terminal, &app);
                    (app, dir, terminal)
                },
                BatchSize::PerIteration,
            );
        });
        // Everything from the file to the first frame, as `invitriage FILE`
        // runs it (less entering the alternate screen).
        group.bench_function(BenchmarkId::new("from_file", size.rows), |b| {
            let source = size.source();
            b.iter_batched(
                || {
                    let dir = tempfile::Builder::new()
                        .prefix("invitriage-bench-journal-")
                        .tempdir()
                        .expect("create a temporary directory");
                    (dir, terminal())
                },
                |(dir, mut terminal)| {
                    // As the app does: classified while read, on every core.
                    let classifier = Classifier::new(&Lists::default());
                    let classify =
                        |note: &str, from: &str, to: &str| classifier.classify(note, from, to);
                    let import = import::load_classified(&source, &classify, now())
                        .expect("the generated export loads");
                    let (journal, _notices) = Journal::open(dir.path()).expect("open the journal");
                    let app = new_app(import.invitations, journal);
                    draw(&mut terminal, &app);
                    (app, dir, terminal)
                },
                BatchSize::PerIteration,
            );
        });
    }
    group.finish();
}

/// The app for `tui_key`, its terminal, and its journal's directory.
type KeyState = (App, Terminal<TestBackend>, TempDir);

fn key_state<'a>(slot: &'a mut Option<KeyState>, size: &Size) -> &'a mut KeyState {
    slot.get_or_insert_with(|| {
        let (journal, dir) = journal();
        let app = new_app(size.classified().clone(), journal);
        let mut terminal = terminal();
        draw(&mut terminal, &app);
        (app, terminal, dir)
    })
}

fn bench_keys(c: &mut Criterion, size: &Size) {
    let mut group = c.benchmark_group("tui_key");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    // Built lazily, so that a filter that skips the group skips the work.
    let mut state: Option<KeyState> = None;
    let rows = size.rows;

    group.bench_function(BenchmarkId::new("down", rows), |b| {
        let (app, terminal, _) = key_state(&mut state, size);
        app.update(Action::Tab(Tab::Customised));
        app.update(Action::First);
        b.iter(|| {
            app.update(Action::Down);
            draw(terminal, app);
        });
    });
    // Every tab switch rebuilds the list of the new tab (the All tab holds
    // about 90% of the rows), so this is the heaviest plain key.
    group.bench_function(BenchmarkId::new("next_tab", rows), |b| {
        let (app, terminal, _) = key_state(&mut state, size);
        b.iter(|| {
            app.update(Action::NextTab);
            draw(terminal, app);
        });
    });
    // A decision is made durable (written and fsynced) before it shows; the
    // fsync is most of this figure and depends on the disk, not the code.
    group.bench_function(BenchmarkId::new("accept", rows), |b| {
        let (app, terminal, _) = key_state(&mut state, size);
        app.update(Action::Tab(Tab::Customised));
        app.update(Action::First);
        b.iter(|| {
            app.update(Action::Accept);
            draw(terminal, app);
        });
        assert!(
            app.status.as_ref().is_none_or(|s| !s.error),
            "accept failed: {:?}",
            app.status
        );
    });
    // In the composer every key that changes the draft rewrites its
    // unsaved copy on disk (no fsync). One iteration is two keys, a letter
    // and Backspace, each followed by a redraw; the draft differs from
    // its template throughout, so both keys write.
    group.bench_function(BenchmarkId::new("compose_two_keys", rows), |b| {
        use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
        let (app, terminal, _) = key_state(&mut state, size);
        app.update(Action::Tab(Tab::Customised));
        app.update(Action::First);
        app.update(Action::Reply);
        let key = |code| Action::ComposeKey(KeyEvent::new(code, KeyModifiers::NONE));
        app.update(key(KeyCode::Char('!')));
        b.iter(|| {
            app.update(key(KeyCode::Char('x')));
            draw(terminal, app);
            app.update(key(KeyCode::Backspace));
            draw(terminal, app);
        });
        assert!(
            app.status.as_ref().is_none_or(|s| !s.error),
            "typing failed: {:?}",
            app.status
        );
        app.update(Action::Cancel);
        app.update(Action::Cancel);
    });
    // A search over every row that finds none: each row's name and note
    // are read, and, the query holding a space, also as the screen shows
    // them where that differs (line breaks, runs of spaces). One key,
    // Backspace, searches again; the letter typed back after it is known
    // to miss without a search.
    group.bench_function(BenchmarkId::new("search_miss_with_a_space", rows), |b| {
        use invitriage::tui::line::LineEdit;
        let (app, terminal, _) = key_state(&mut state, size);
        app.update(Action::Tab(Tab::All));
        app.update(Action::Search);
        for c in "qz xj".chars() {
            app.update(Action::SearchInput(c));
        }
        b.iter(|| {
            app.update(Action::SearchEdit(LineEdit::Backspace));
            draw(terminal, app);
            app.update(Action::SearchInput('j'));
            draw(terminal, app);
        });
        assert!(app.search_missed, "the query matched");
        app.update(Action::Cancel);
    });
    // A bulk ignore of the whole Default tab (about 80% of the rows), then
    // its undo: the question a large step asks first, and the undo itself.
    // Each is one pass over the step; asked row by row, the undo took
    // minutes at a million rows.
    group.bench_function(BenchmarkId::new("bulk_ignore_and_undo", rows), |b| {
        let (app, terminal, _) = key_state(&mut state, size);
        app.update(Action::Tab(Tab::Default));
        bulk_ignore_and_undo(b, app, terminal);
    });
    // The same under the filter `all`, where the rows stay on the tab
    // after the step: the undo checks that each row undone is still
    // listed, which, done by a search of the list per row, froze the
    // screen for 35 s at a million rows.
    group.bench_function(BenchmarkId::new("bulk_ignore_and_undo_shown", rows), |b| {
        let (app, terminal, _) = key_state(&mut state, size);
        app.update(Action::Tab(Tab::Default));
        while app.filter != invitriage::tui::app::Filter::All {
            app.update(Action::CycleFilter);
        }
        bulk_ignore_and_undo(b, app, terminal);
        app.update(Action::CycleFilter);
    });
    group.finish();
}

/// One iteration: a bulk ignore of the tab, answered yes, then its undo,
/// which a step this large asks about first, answered yes; each drawn.
fn bulk_ignore_and_undo(
    b: &mut criterion::Bencher<'_>,
    app: &mut App,
    terminal: &mut Terminal<TestBackend>,
) {
    b.iter(|| {
        app.update(Action::IgnoreMarked);
        app.update(Action::Confirm(true));
        draw(terminal, app);
        app.update(Action::Undo);
        draw(terminal, app);
        app.update(Action::Confirm(true));
        draw(terminal, app);
    });
    let status = app.status.as_ref().map(|s| s.text.as_str()).unwrap_or("");
    assert!(status.starts_with("Undid ignore"), "undo failed: {status}");
}

fn main() {
    let max = max_rows();
    let mut sizes: Vec<Size> = SIZES
        .iter()
        .copied()
        .filter(|&n| n <= max)
        .map(Size::new)
        .collect();
    let mut c = Criterion::default().configure_from_args();

    bench_import(&mut c, &sizes);
    bench_classify(&mut c, &sizes);
    bench_stats(&mut c, &sizes);
    bench_pipeline(&mut c, &sizes);
    // Only the largest size is needed from here on.
    let last = sizes.len().saturating_sub(1);
    for s in sizes.iter_mut().take(last) {
        if !FIRST_FRAME_SIZES.contains(&s.rows) {
            s.release();
        }
    }
    bench_first_frame(&mut c, &sizes);
    bench_journal_replay(&mut c, &sizes);
    if let Some(largest) = sizes.last() {
        bench_keys(&mut c, largest);
    }

    c.final_summary();
}
