//! Report: what the checker found, ready for the CLI, the web page and JSON.

use crate::indicator::framework::{Family, LEVEL2};
use crate::indicator::Indicator;
use crate::layout::{Column, Sheet};
use crate::money::AmountUnit;
use crate::rules::{Diagnostic, Severity};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// The recognised layout, `None` when the header was not found.
    pub layout: Option<&'static str>,
    pub summary: Summary,
    pub diagnostics: Vec<Diagnostic>,
    /// What the profile in use changes from the defaults (empty: the defaults).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub profile: Vec<crate::text::Message>,
    /// The parsed table, for views that show it (not part of the JSON contract).
    #[serde(skip)]
    pub sheet: Sheet,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Summary {
    pub department: Option<String>,
    /// The unit the table states; amounts below are in 万元 whatever it is.
    pub amount_unit: AmountUnit,
    pub units: usize,
    pub projects: usize,
    pub indicators: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Indicator counts by first level (产出/效益/满意度/成本, then unclassified).
    pub by_level1: Vec<Count>,
    /// Indicator counts by second level, in framework order.
    pub by_level2: Vec<Count>,
    /// Indicators whose values carry a number.
    pub quantitative: usize,
    pub qualitative: usize,
    /// Sums of the project rows per amount column, in 万元.
    pub funding: Vec<Funding>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Count {
    pub code: Option<&'static str>,
    pub name: &'static str,
    pub name_en: &'static str,
    pub count: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Funding {
    pub column: Column,
    pub name: &'static str,
    pub name_en: &'static str,
    pub amount: Decimal,
}

impl Summary {
    /// `2 个单位，24 个项目，99 项指标；错误 5，警告 49，提示 21`
    pub fn counts(&self) -> crate::text::Message {
        let s = self;
        counts_message([
            s.units,
            s.projects,
            s.indicators,
            s.errors,
            s.warnings,
            s.infos,
        ])
    }
}

/// `2 个单位，24 个项目，99 项指标；错误 5，警告 49，提示 21`: units, projects,
/// indicators, errors, warnings and infos, of one table or of a batch.
pub fn counts_message(counts: [usize; 6]) -> crate::text::Message {
    let [units, projects, indicators, errors, warnings, infos] = counts;
    crate::text::Message::new(
        format!(
            "{units} 个单位，{projects} 个项目，{indicators} 项指标；错误 {errors}，警告 {warnings}，提示 {infos}"
        ),
        format!(
            "{units} units, {projects} projects, {indicators} indicators; {errors} errors, {warnings} warnings, {infos} infos"
        ),
    )
}

impl Report {
    pub fn new(sheet: Sheet, diagnostics: Vec<Diagnostic>) -> Report {
        Report {
            layout: sheet.layout,
            summary: summarize(&sheet, &diagnostics),
            diagnostics,
            profile: Vec::new(),
            sheet,
        }
    }

    pub fn has_errors(&self) -> bool {
        self.summary.errors > 0
    }

    /// Each project with its unit, total and indicators, for the JSON output.
    pub fn projects(&self) -> Vec<ProjectEntry<'_>> {
        self.sheet
            .units
            .iter()
            .flat_map(|unit| {
                unit.projects.iter().map(move |project| ProjectEntry {
                    row: project.line.row,
                    unit: unit.name.as_deref(),
                    name: &project.line.name,
                    total: project.line.amount(Column::Total).and_then(|a| a.value),
                    indicators: &project.indicators.indicators,
                })
            })
            .collect()
    }

    /// Which indicator types each project has: the view a reviewer scans first.
    pub fn coverage(&self) -> Vec<Coverage> {
        self.sheet
            .projects()
            .map(|project| {
                let indicators = &project.indicators.indicators;
                let has = |kind: CoverageKind| indicators.iter().any(|i| kind.covers(i));
                Coverage {
                    row: project.line.row,
                    project: project.line.name.to_string(),
                    present: CoverageKind::ALL.map(|kind| (kind, has(kind))),
                }
            })
            .collect()
    }

    /// Funding per spending unit (its own row, or the sum of its projects when
    /// the table has no unit rows), in 万元.
    pub fn funding_by_unit(&self) -> Vec<UnitFunding> {
        self.sheet
            .units
            .iter()
            .map(|unit| {
                let amount = |column: Column| match &unit.line {
                    Some(line) => line
                        .amount(column)
                        .and_then(|a| a.value)
                        .unwrap_or_default(),
                    None => unit
                        .projects
                        .iter()
                        .filter_map(|p| p.line.amount(column).and_then(|a| a.value))
                        .sum(),
                };
                UnitFunding {
                    name: unit.name.clone(),
                    sources: [Column::Fiscal, Column::SpecialAccount, Column::Other]
                        .map(|c| (c, amount(c))),
                    total: amount(Column::Total),
                }
            })
            .collect()
    }
}

/// The indicator types of the coverage matrix: the three families, then the
/// four kinds of output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CoverageKind {
    Output,
    Benefit,
    Satisfaction,
    Quantity,
    Quality,
    Timeliness,
    Cost,
}

impl CoverageKind {
    pub const ALL: [CoverageKind; 7] = [
        CoverageKind::Output,
        CoverageKind::Benefit,
        CoverageKind::Satisfaction,
        CoverageKind::Quantity,
        CoverageKind::Quality,
        CoverageKind::Timeliness,
        CoverageKind::Cost,
    ];

    /// Short Chinese label, also the stable hook `data-coverage-cell`.
    pub fn label(self) -> &'static str {
        match self {
            CoverageKind::Output => "产出",
            CoverageKind::Benefit => "效益",
            CoverageKind::Satisfaction => "满意度",
            CoverageKind::Quantity => "数量",
            CoverageKind::Quality => "质量",
            CoverageKind::Timeliness => "时效",
            CoverageKind::Cost => "成本",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            CoverageKind::Output => "Output",
            CoverageKind::Benefit => "Benefit",
            CoverageKind::Satisfaction => "Satisfaction",
            CoverageKind::Quantity => "Quantity",
            CoverageKind::Quality => "Quality",
            CoverageKind::Timeliness => "Timeliness",
            CoverageKind::Cost => "Cost",
        }
    }

    /// 产出, 效益, 满意度: every project needs one of each.
    pub fn is_family(self) -> bool {
        matches!(
            self,
            CoverageKind::Output | CoverageKind::Benefit | CoverageKind::Satisfaction
        )
    }

    fn covers(self, indicator: &Indicator) -> bool {
        let level2 = || indicator.level2_known().and_then(|l| l.code);
        match self {
            CoverageKind::Output => indicator.family() == Some(Family::Output),
            CoverageKind::Benefit => indicator.family() == Some(Family::Benefit),
            CoverageKind::Satisfaction => indicator.family() == Some(Family::Satisfaction),
            CoverageKind::Quantity => level2() == Some("11"),
            CoverageKind::Quality => level2() == Some("12"),
            CoverageKind::Timeliness => level2() == Some("13"),
            CoverageKind::Cost => indicator.is_cost(),
        }
    }
}

/// A project as the JSON output lists it. Its fields, as those of the
/// indicators and findings, in the JSON's alphabetical order: written in that
/// order, an object streams out without being buffered (`src/json.rs`).
#[derive(Clone, Debug, Serialize)]
pub struct ProjectEntry<'r> {
    pub indicators: &'r [Indicator],
    pub name: &'r str,
    pub row: u32,
    /// 总计 in 万元.
    pub total: Option<Decimal>,
    pub unit: Option<&'r str>,
}

/// One row of the coverage matrix.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Coverage {
    pub row: u32,
    pub project: String,
    pub present: [(CoverageKind, bool); 7],
}

/// One unit's funding composition, in 万元.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnitFunding {
    /// `None` for projects listed without a unit row.
    pub name: Option<String>,
    pub sources: [(Column, Decimal); 3],
    pub total: Decimal,
}

fn summarize(sheet: &Sheet, diagnostics: &[Diagnostic]) -> Summary {
    let mut per_severity = [0; 3];
    for diagnostic in diagnostics {
        per_severity[match diagnostic.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        }] += 1;
    }
    // One pass over the indicators for every count: a large table has
    // hundreds of thousands, and each pass reads them all from memory.
    let (mut indicators, mut quantitative, mut unclassified) = (0, 0, 0);
    let mut per_family = [0; Family::ALL.len()];
    let mut per_level2 = [0; LEVEL2.len()];
    for indicator in sheet.projects().flat_map(|p| &p.indicators.indicators) {
        indicators += 1;
        quantitative += usize::from(indicator.is_quantitative());
        match indicator.family() {
            Some(family) => {
                if let Some(i) = Family::ALL.iter().position(|f| *f == family) {
                    per_family[i] += 1;
                }
            }
            None => unclassified += 1,
        }
        if let Some(known) = indicator.level2_known() {
            if let Some(i) = LEVEL2.iter().position(|l| l == known) {
                per_level2[i] += 1;
            }
        }
    }
    let mut by_level1: Vec<Count> = Family::ALL
        .into_iter()
        .zip(per_family)
        .map(|(f, count)| Count {
            code: f.code(),
            name: f.name(),
            name_en: f.name_en(),
            count,
        })
        .filter(|c| c.count > 0 || c.code.is_some())
        .collect();
    if unclassified > 0 {
        by_level1.push(Count {
            code: None,
            name: "未归类",
            name_en: "Unclassified",
            count: unclassified,
        });
    }
    let by_level2 = LEVEL2
        .iter()
        .zip(per_level2)
        .map(|(l, count)| Count {
            code: l.code,
            name: l.name,
            name_en: l.name_en,
            count,
        })
        .filter(|c| c.count > 0 || c.code.is_some())
        .collect();
    let funding = Column::AMOUNTS
        .into_iter()
        .filter(|c| sheet.header.as_ref().is_some_and(|h| h.index(*c).is_some()))
        .map(|column| Funding {
            column,
            name: column.title(),
            name_en: column.title_en(),
            amount: sheet
                .projects()
                .filter_map(|p| p.line.amount(column).and_then(|a| a.value))
                .sum(),
        })
        .collect();
    Summary {
        department: sheet.department.clone(),
        amount_unit: sheet.amount_unit,
        units: sheet.units.iter().filter(|u| u.name.is_some()).count(),
        projects: sheet.projects().count(),
        indicators,
        errors: per_severity[0],
        warnings: per_severity[1],
        infos: per_severity[2],
        by_level1,
        by_level2,
        quantitative,
        qualitative: indicators - quantitative,
        funding,
    }
}
