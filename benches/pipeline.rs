//! Throughput of the whole pipeline (text → report) on a synthetic table of
//! about 50 MB built from the seed's rows, names and figures varied, and the
//! memory it takes, counted by the allocator.
//! Run: `cargo bench --bench pipeline` (prints MB/s; not a timed test).
//! `BENCH_MB=10 cargo bench --bench pipeline` picks another size.

use jixiao_lint::{check_shared, input, layout, memory, rules, Config, SharedText};
use std::time::{Duration, Instant};

#[global_allocator]
static ALLOCATOR: memory::Counting = memory::Counting;

/// The seed's preamble and header, then its unit and project rows repeated
/// with distinct names and amounts until the text reaches `target` bytes.
fn synthetic_table(target: usize) -> String {
    let seed = include_str!("../tests/fixtures/seed.txt");
    let lines: Vec<&str> = seed.lines().collect();
    let header_at = lines
        .iter()
        .position(|l| l.starts_with("项目名称"))
        .unwrap();
    let body: Vec<&str> = lines[header_at + 2..]
        .iter()
        .copied()
        .filter(|l| !l.trim().is_empty())
        .collect();
    let mut text = lines[..=header_at + 1].join("\n");
    let mut copy = 0u32;
    while text.len() < target {
        copy += 1;
        for line in &body {
            let mut cells: Vec<String> = line.split('\t').map(str::to_owned).collect();
            cells[0] = format!("{}（{copy}）", cells[0]);
            // New figures in 总计 and 财政拨款 alike, so that rows still add up.
            if cells.len() > 2 && !cells[1].is_empty() {
                let amount = format!("{}.{:02}", copy % 997, copy % 100);
                cells[1].clone_from(&amount);
                cells[2] = amount;
            }
            text.push('\n');
            text.push_str(&cells.join("\t"));
        }
    }
    text
}

fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        let out = f();
        best = best.min(start.elapsed());
        last = Some(out);
    }
    (best, last.unwrap())
}

fn main() {
    let megabytes: usize = std::env::var("BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    // Shared as the CLI and the page's worker share it: the report holds
    // pieces of it, and the memory counted below is the check's own.
    let text = SharedText::new(synthetic_table(megabytes * 1_000_000));
    let mb = text.len() as f64 / 1_000_000.0;
    let config = Config::default();
    let rate = |d: Duration| mb / d.as_secs_f64();

    let (t_input, grid) = best_of(3, || input::read_shared(&text));
    let (t_layout, sheet) = best_of(3, || layout::read_sheet(&grid, &[]));
    let (t_rules, diagnostics) = best_of(3, || rules::check(&sheet, &config));
    let (t_all, report) = best_of(3, || check_shared(&text, &config, &mut |_| {}));
    println!(
        "table: {mb:.1} MB, {} rows, {} projects, {} indicators, {} findings",
        grid.rows.len(),
        report.summary.projects,
        report.summary.indicators,
        diagnostics.len()
    );
    println!(
        "  input  (csv → grid)             {:>8.1} ms  {:>7.1} MB/s",
        t_input.as_secs_f64() * 1e3,
        rate(t_input)
    );
    println!(
        "  layout (grid → sheet+indicators) {:>7.1} ms  {:>7.1} MB/s",
        t_layout.as_secs_f64() * 1e3,
        rate(t_layout)
    );
    println!(
        "  rules  (sheet → findings)       {:>8.1} ms  {:>7.1} MB/s",
        t_rules.as_secs_f64() * 1e3,
        rate(t_rules)
    );
    if std::env::var_os("BENCH_RULES").is_some() {
        for rule in rules::REGISTRY {
            let (t, found) = best_of(1, || rules::check_rule(rule, &sheet, &config));
            println!(
                "    {:<26} {:>7.1} ms  {:>7} findings",
                rule.id,
                t.as_secs_f64() * 1e3,
                found.len()
            );
        }
    }
    // Memory, beyond the text itself: the peak while one check runs, what
    // its report keeps, and the findings' share of that (bytes asked of the
    // allocator, not counting its own overhead).
    drop((grid, sheet, diagnostics, report));
    let before = memory::live();
    memory::reset_peak();
    let mut report = check_shared(&text, &config, &mut |_| {});
    let peak = memory::peak() - before;
    let live = || memory::live() - before;
    let kept = live();
    let findings = report.diagnostics.len();
    drop(std::mem::take(&mut report.diagnostics));
    let of_findings = kept - live();
    let times = |bytes: usize| bytes as f64 / text.len() as f64;
    println!(
        "memory: peak {:.2}× the input during the check; the report keeps {:.2}×, its findings {:.2}× ({} B each)",
        times(peak),
        times(kept),
        times(of_findings),
        of_findings / findings.max(1)
    );
    // The same, stage by stage: what each holds while the next is made.
    drop(report);
    let grid = input::read_shared(&text);
    let of_grid = live();
    let sheet = layout::read_sheet(&grid, &[]);
    let with_sheet = live();
    drop(grid);
    let of_sheet = live();
    let diagnostics = rules::check(&sheet, &config);
    println!(
        "memory by stage: grid {:.2}×, grid and sheet {:.2}×, sheet {:.2}×, sheet and findings {:.2}×",
        times(of_grid),
        times(with_sheet),
        times(of_sheet),
        times(live())
    );
    drop((sheet, diagnostics));
    println!(
        "full pipeline: {:.1} ms, native_mb_s={:.1} native_peak_ratio={:.2}",
        t_all.as_secs_f64() * 1e3,
        rate(t_all),
        times(peak)
    );
}
