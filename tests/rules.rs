//! Every rule, on variants of the seed: one edit that must make the rule fire
//! (and change nothing else), and one that must keep it quiet or silence it.
//! Each case states the findings it adds and removes against the seed, as
//! `(rule, cell, indicator)`; 0 means "no indicator".

mod common;
use common::{diff, edit, f, findings, seed, Finding};
use jixiao_lint::rules::REGISTRY;

struct Case {
    name: &'static str,
    edits: &'static [(&'static str, &'static str)],
    added: Vec<Finding>,
    removed: Vec<Finding>,
}

fn case(
    name: &'static str,
    edits: &'static [(&'static str, &'static str)],
    added: Vec<Finding>,
    removed: Vec<Finding>,
) -> Case {
    Case {
        name,
        edits,
        added,
        removed,
    }
}

fn cases() -> Vec<Case> {
    vec![
        // ── structure ──
        case(
            "header-missing: the header row left out",
            &[("项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标\n", "")],
            vec![f("header-missing", "3", 0)],
            findings(&seed()),
        ),
        case(
            "column-missing: 财政专户拨款 renamed",
            &[("\t财政专户拨款\t", "\t专户资金\t")],
            vec![f("column-missing", "9", 0)],
            vec![],
        ),
        case(
            "column-missing is quiet on half-width brackets and spaces in the header",
            &[("项目名称（资金使用单位）", "项目名称 (资金使用单位)")],
            vec![],
            vec![],
        ),
        case(
            "row-unrecognized: a note after the table, and a row with no name",
            &[("人员聘用合规率; 实施周期指标值:100%, 年度指标值:100%;", "人员聘用合规率; 实施周期指标值:100%, 年度指标值:100%;\n注：本表金额单位为万元\n\t1.00\t1.00")],
            vec![f("row-unrecognized", "A42", 0), f("row-unrecognized", "A43", 0)],
            vec![],
        ),
        case(
            "row-unrecognized is quiet on a repeated header and blank lines",
            &[("人员聘用合规率; 实施周期指标值:100%, 年度指标值:100%;", "人员聘用合规率; 实施周期指标值:100%, 年度指标值:100%;\n\n项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标\n\n")],
            vec![],
            vec![],
        ),
        case(
            "indicator-unparsed: free text instead of indicators (error)",
            &[("1、1-产出指标,13-时效指标,补贴发放率；实施周期指标值:100%,年度指标值:100%；2、1-产出指标,13-时效指标,完成绩效评价；实施周期指标值:100%,年度指标值:100%；3、1-产出指标,11-数量指标,验收公共服务站数量；实施周期指标值:85个,年度指标值:85个；4、3-满意度指标,31-服务对象满意度,服务对象满意率；实施周期指标值:90%,年度指标值:90%；", "完成全年工作任务")],
            vec![f("indicator-unparsed", "G27", 0)],
            vec![
                f("benefit-missing", "G27", 0),
                f("cost-missing", "G27", 0),
                f("indicator-misfiled", "G27", 1),
                f("indicator-misfiled", "G27", 2),
            ],
        ),
        case(
            "indicator-unparsed: text left over before the indicators (warning)",
            &[("\t1、1-产出指标, 11-数量指标, 外包人员服务", "\t指标如下：1、1-产出指标, 11-数量指标, 外包人员服务")],
            vec![f("indicator-unparsed", "G32", 0)],
            vec![],
        ),
        case(
            "markup-in-cell: a goal wrapped in <p>",
            &[("\t按照政务服务标准化规范化便利化的指导意见", "\t<p>按照政务服务标准化规范化便利化的指导意见")],
            vec![f("markup-in-cell", "F27", 0)],
            vec![],
        ),
        case(
            "markup-in-cell is quiet once the tags are gone",
            &[("<p>通过“商务云”服务器及网络保障维护，保障“商务云”平台正常运作，为区企事业单位提供稳定、安全的服务器资源及网络服务。</p>", "通过“商务云”服务器及网络保障维护，保障“商务云”平台正常运作，为区企事业单位提供稳定、安全的服务器资源及网络服务。")],
            vec![],
            vec![f("markup-in-cell", "F22", 0)],
        ),
        case(
            "indicator-numbering: 4 written as 5",
            &[("4、1-产出指标, 11-数量指标, 出国组团次数", "5、1-产出指标, 11-数量指标, 出国组团次数")],
            vec![f("indicator-numbering", "G12", 0)],
            vec![],
        ),
        // ── amounts ──
        case(
            "amount-invalid: finer than a fen (seven decimals of 万元) and a word",
            &[("工作经费\t6.00\t6.00", "工作经费\t6.0000001\t6.0000001"), ("免费刻章\t705.00\t705.00", "免费刻章\t705.00\t约705")],
            vec![f("amount-invalid", "B12", 0), f("amount-invalid", "C12", 0), f("amount-invalid", "C18", 0)],
            // Without a readable 财政拨款 in row 18, that column's subtotal is not computed.
            vec![f("amount-unit-subtotal", "C11", 0)],
        ),
        case(
            "amount-invalid is quiet on an exact amount to ten 元 (438.768 万元, as published tables write it)",
            &[("工作经费\t6.00\t6.00", "工作经费\t6.768\t6.768")],
            // The sums move by 0.768 and were already off: the same two findings.
            vec![],
            vec![],
        ),
        case(
            "amount-invalid: an amount past Decimal's range (it used to panic the subtotal)",
            &[("工作经费\t6.00\t6.00", "工作经费\t79228162514264337593543950335\t79228162514264337593543950335")],
            vec![f("amount-invalid", "B12", 0), f("amount-invalid", "C12", 0)],
            // An amount that cannot be added leaves the subtotal uncomputed.
            vec![f("amount-unit-subtotal", "B11", 0), f("amount-unit-subtotal", "C11", 0)],
        ),
        case(
            "amount-invalid is quiet on an amount in 元 in a table of 万元 (60000元 is 6 万元)",
            &[("工作经费\t6.00\t6.00", "工作经费\t60000元\t60,000元")],
            vec![],
            vec![],
        ),
        case(
            "amount-row-sum: 财政拨款 below 总计",
            &[("工作经费\t6.00\t6.00", "工作经费\t6.00\t5.00")],
            vec![f("amount-row-sum", "B12", 0)],
            vec![],
        ),
        case(
            "amount-row-sum is quiet when the sources add up",
            &[("工作经费\t6.00\t6.00\t\t", "工作经费\t6.00\t4.00\t1.50\t0.50")],
            // …but the unit row above now lacks those 1.50 and 0.50.
            vec![f("amount-unit-subtotal", "D11", 0), f("amount-unit-subtotal", "E11", 0)],
            vec![],
        ),
        case(
            "amount-unit-subtotal: 服务中心 off by one",
            &[("广州市番禺区政务服务中心\t831.00\t831.00", "广州市番禺区政务服务中心\t830.00\t830.00")],
            vec![f("amount-grand-total", "B10", 0), f("amount-grand-total", "C10", 0), f("amount-unit-subtotal", "B38", 0), f("amount-unit-subtotal", "C38", 0)],
            vec![],
        ),
        case(
            "amount-unit-subtotal is quiet once 本级 matches its projects (and the total then differs)",
            &[("广州市番禺区政务服务数据管理局本级\t13,100.00\t13,100.00", "广州市番禺区政务服务数据管理局本级\t12,585.00\t12,585.00")],
            vec![f("amount-grand-total", "B10", 0), f("amount-grand-total", "C10", 0)],
            vec![f("amount-unit-subtotal", "B11", 0), f("amount-unit-subtotal", "C11", 0)],
        ),
        case(
            "amount-grand-total: 合计 one short",
            &[("合计\t13,931.00\t13,931.00", "合计\t13,930.00\t13,930.00")],
            vec![f("amount-grand-total", "B10", 0), f("amount-grand-total", "C10", 0)],
            vec![],
        ),
        case(
            "project-duplicate is quiet once the names differ",
            &[("“数字政府”建设专项资金\t3,488.57", "“数字政府”建设专项资金（二期）\t3,488.57")],
            vec![],
            vec![f("project-duplicate", "A30", 0)],
        ),
        case(
            "project-duplicate: a third 数字政府 project",
            &[("推进集约化管理工作经费\t286.00", "“数字政府”建设专项资金\t286.00")],
            vec![f("project-duplicate", "A32", 0)],
            vec![],
        ),
        // ── goal ──
        case(
            "goal-missing: the goal of 便民服务站补助经费 blanked",
            &[("按照政务服务标准化规范化便利化的指导意见、党群服务中心建设和管理要求，在站点配备政务服务政务晓屋、政务终端设备，优化整合村（社区）资源，推动建立村（社区）共建共治共享机制，实现全区村（居委）便民服务站自助化全覆盖，为企业群众提供便捷高效的村（社区）公共服务。", "")],
            vec![f("goal-missing", "F27", 0)],
            vec![f("goal-unquantified", "F27", 0)],
        ),
        case(
            "goal-truncated is quiet once the goal ends with 。",
            &[("进一步向全国各地\t", "进一步向全国各地推广。\t")],
            vec![],
            vec![f("goal-truncated", "F33", 0)],
        ),
        case(
            "goal-truncated: a goal ending on a comma",
            &[("为企业群众提供便捷高效的村（社区）公共服务。", "为企业群众提供便捷高效的村（社区）公共服务，")],
            vec![f("goal-truncated", "F27", 0)],
            vec![],
        ),
        case(
            "goal-unquantified is quiet once the goal has a number",
            &[("为企业群众提供便捷高效的村（社区）公共服务。", "为企业群众提供便捷高效的村（社区）公共服务，覆盖85个站点。")],
            vec![],
            vec![f("goal-unquantified", "F27", 0)],
        ),
        // ── framework ──
        case(
            "output-missing: the indicator cell of 租赁岗位合同工经费 (服务中心) emptied",
            &[("1、3-满意度指标, 31-服务对象满意度, 人员评价满意度; 实施周期指标值:标准:≥95%, 年度指标值:95%;, 2、1-产出指标, 12-质量指标, 培训考核通过率; 实施周期指标值:标准:≥85%, 年度指标值:95%;, 3、1-产出指标, 13-时效指标, 工资按时按标准发放率; 实施周期指标值:100%, 年度指标值:100%;, 4、1-产出指标, 11-数量指标, 聘请租赁人员数量; 实施周期指标值:37名, 年度指标值:37名;", "")],
            vec![f("output-missing", "G39", 0)],
            vec![f("benefit-missing", "G39", 0), f("cost-missing", "G39", 0)],
        ),
        case(
            "output-missing: only satisfaction and benefit left",
            &[("2、1-产出指标, 11-数量指标, 考评单位参与率; 实施周期指标值:100%, 年度指标值:100%; ; 3、1-产出指标, 14-成本指标, 考评结果经费拨付率; 实施周期指标值:100%, 年度指标值:100%; ; 4、1-产出指标, 12-质量指标, 参与考评单位考评优、良率; 实施周期指标值:100%, 年度指标值:100%;", "2、2-效益指标, 22-社会效益, 考评单位参与率; 实施周期指标值:100%, 年度指标值:100%;")],
            // The cost indicator went with the outputs.
            vec![f("output-missing", "G17", 0), f("cost-missing", "G17", 0)],
            vec![f("benefit-missing", "G17", 0), f("cost-misfiled", "G17", 3)],
        ),
        case(
            "benefit-missing is quiet once a benefit indicator is added",
            &[("电子政务团队信息管理师; 实施周期指标值:30, 年度指标值:30;", "电子政务团队信息管理师; 实施周期指标值:30人, 年度指标值:30人; ; 5、2-效益指标, 24-可持续影响, 系统持续运行率; 实施周期指标值:≥99%, 年度指标值:≥99%;")],
            vec![],
            vec![f("benefit-missing", "G16", 0), f("value-unit-missing", "G16", 4)],
        ),
        case(
            "satisfaction-missing is quiet once a satisfaction indicator is added",
            &[("新开办企业免费刻制印章的套数; 实施周期指标值:29027, 年度指标值:29027;", "新开办企业免费刻制印章的套数; 实施周期指标值:29027套, 年度指标值:29027套; ; 5、3-满意度指标, 31-服务对象满意度, 企业满意度; 实施周期指标值:≥90%, 年度指标值:≥90%;")],
            vec![],
            vec![f("satisfaction-missing", "G18", 0), f("value-unit-missing", "G18", 4)],
        ),
        case(
            "code-unknown: second-level code 19",
            &[("11-数量指标, 出国组团次数", "19-数量指标, 出国组团次数")],
            vec![f("code-unknown", "G12", 4)],
            vec![],
        ),
        case(
            "code-unknown: first-level code 4",
            &[("4、1-产出指标, 11-数量指标, 出国组团次数", "4、4-产出指标, 11-数量指标, 出国组团次数")],
            vec![f("code-unknown", "G12", 4)],
            vec![],
        ),
        case(
            "code-parent-mismatch: 22-社会效益 under 1-产出指标",
            &[("11-数量指标, 出国组团次数", "22-社会效益, 出国组团次数")],
            vec![f("code-parent-mismatch", "G12", 4)],
            vec![],
        ),
        case(
            "code-name-mismatch: 11 named 质量指标",
            &[("11-数量指标, 出国组团次数", "11-质量指标, 出国组团次数")],
            vec![f("code-name-mismatch", "G12", 4)],
            vec![],
        ),
        case(
            "code-name-mismatch is quiet without the trailing 指标 and with full-width hyphens",
            &[("11-数量指标, 出国组团次数", "11－数量, 出国组团次数")],
            vec![],
            vec![],
        ),
        case(
            "indicator-duplicate: the same name twice in 工作经费 (a rate now counted in 次, which value-kind-mismatch reports)",
            &[("出国组团次数", "服务合同执行规范率")],
            vec![f("indicator-duplicate", "G12", 4), f("value-kind-mismatch", "G12", 4)],
            vec![],
        ),
        case(
            "satisfaction-misfiled: a 满意率 under 22-社会效益",
            &[("22-社会效益, 安全保障率", "22-社会效益, 群众满意率")],
            vec![f("satisfaction-misfiled", "G13", 3)],
            vec![],
        ),
        case(
            "satisfaction-misfiled: a head count under 31-服务对象满意度",
            &[("31-服务对象满意度, 用户满意率；实施周期指标值:95%, 年度指标值:95%", "31-服务对象满意度, 用餐人数；实施周期指标值:95%, 年度指标值:95%")],
            vec![f("satisfaction-misfiled", "G14", 3)],
            vec![],
        ),
        // ── values ──
        case(
            "value-missing: the period value of 工作人员 erased",
            &[("工作人员；实施周期指标值:18人, 年度指标值:18人", "工作人员；实施周期指标值:, 年度指标值:18人")],
            vec![f("value-missing", "G14", 1)],
            vec![],
        ),
        case(
            "value-placeholder: XX and ≥**% left in",
            &[("培训次数; 实施周期指标值:2次, 年度指标值:2次", "培训次数; 实施周期指标值:XX, 年度指标值:≥**%")],
            vec![f("value-placeholder", "G32", 2)],
            vec![],
        ),
        case(
            "value-placeholder is quiet once 控制数 is replaced",
            &[("链路可用性；实施周期指标值:标准:控制数", "链路可用性；实施周期指标值:标准:99%")],
            vec![],
            vec![f("value-placeholder", "G28", 2)],
        ),
        case(
            "value-vague: 明显提升",
            &[("标准体系建设；实施周期指标值:晓屋标准体系版本2.0,年度指标值:晓屋标准体系版本2.0", "标准体系建设；实施周期指标值:明显提升,年度指标值:明显提升")],
            vec![f("value-vague", "G23", 2)],
            vec![],
        ),
        case(
            "value-vague is quiet on a graded value",
            &[("实施周期指标值:得到有效提高, 年度指标值:得到有效提高", "实施周期指标值:优, 年度指标值:优")],
            vec![],
            vec![f("value-vague", "G12", 1)],
        ),
        case(
            "value-is-criterion is quiet once the question is a target",
            &[("实施周期指标值:考察、调研的经费开支范围是否合规、开支金额是否符合标准", "实施周期指标值:考察、调研的经费开支范围合规、开支金额符合标准")],
            vec![],
            vec![f("value-is-criterion", "G12", 2)],
        ),
        case(
            "value-is-criterion: a value ending with a question mark",
            &[("实施周期指标值:安全可靠, 年度指标值:安全可靠", "实施周期指标值:是否安全可靠？, 年度指标值:安全可靠")],
            vec![f("value-is-criterion", "G34", 1)],
            vec![],
        ),
        case(
            "value-unit-missing is quiet once the unit is written, or in the name",
            &[("电子政务团队信息管理师; 实施周期指标值:30, 年度指标值:30", "电子政务团队信息管理师（人）; 实施周期指标值:30, 年度指标值:30")],
            vec![],
            vec![f("value-unit-missing", "G16", 4)],
        ),
        case(
            "value-unit-missing: 85个 written as 85",
            &[("验收公共服务站数量；实施周期指标值:85个,年度指标值:85个", "验收公共服务站数量；实施周期指标值:85,年度指标值:85")],
            vec![f("value-unit-missing", "G27", 3)],
            vec![],
        ),
        case(
            "rate-out-of-range: 950%",
            &[("群众满意度（%）；实施周期指标值:95%, 年度指标值:95%", "群众满意度（%）；实施周期指标值:950%, 年度指标值:950%")],
            vec![f("rate-out-of-range", "G13", 4)],
            vec![],
        ),
        case(
            "rate-out-of-range is quiet on a growth rate",
            &[("安全保障率；实施周期指标值:100%, 年度指标值:100%", "办件量增长率；实施周期指标值:120%, 年度指标值:120%")],
            vec![],
            vec![],
        ),
        case(
            "period-annual-mismatch: more staff in one year than in the whole period",
            &[("工作人员；实施周期指标值:18人, 年度指标值:18人", "工作人员；实施周期指标值:18人, 年度指标值:20人")],
            vec![f("period-annual-mismatch", "G14", 1)],
            vec![],
        ),
        case(
            "period-annual-mismatch: different units",
            &[("培训次数; 实施周期指标值:2次, 年度指标值:2次", "培训次数; 实施周期指标值:2次, 年度指标值:2天")],
            vec![f("period-annual-mismatch", "G32", 2)],
            vec![],
        ),
        case(
            "period-annual-mismatch is quiet when an annual rate is above the period's",
            &[("培训考核通过率; 实施周期指标值:标准:≥85%, 年度指标值:95%", "培训考核通过率; 实施周期指标值:标准:≥85%, 年度指标值:≥95%")],
            vec![],
            vec![],
        ),
        case(
            "satisfaction-not-numeric is quiet on ≥90%",
            &[("满意；实施周期指标值:满意,年度指标值:满意", "满意度；实施周期指标值:≥90%,年度指标值:≥90%")],
            vec![],
            vec![f("satisfaction-not-numeric", "G30", 1)],
        ),
        case(
            "satisfaction-not-numeric: 较满意 instead of a percentage",
            &[("用户满意率; 实施周期指标值:90%, 年度指标值:90%", "用户满意率; 实施周期指标值:较满意, 年度指标值:较满意")],
            vec![f("satisfaction-not-numeric", "G19", 1)],
            vec![],
        ),
        case(
            "satisfaction-low: an 80% target",
            &[("用户满意率; 实施周期指标值:90%, 年度指标值:90%", "用户满意率; 实施周期指标值:80%, 年度指标值:80%")],
            vec![f("satisfaction-low", "G19", 1)],
            vec![],
        ),
        case(
            "satisfaction-low is quiet at the floor",
            &[("用户满意率; 实施周期指标值:90%, 年度指标值:90%", "用户满意率; 实施周期指标值:85%, 年度指标值:85%")],
            vec![],
            vec![],
        ),
        case(
            "unit-name-mismatch: 工作人员（名） counted in 人",
            &[("工作人员；实施周期指标值:18人", "工作人员（名）；实施周期指标值:18人")],
            vec![f("unit-name-mismatch", "G14", 1)],
            vec![],
        ),
        case(
            "unit-name-mismatch is quiet when the name's unit is the value's",
            &[("工作人员；实施周期指标值:18人", "工作人员（人）；实施周期指标值:18人")],
            vec![],
            vec![],
        ),
        case(
            "value-kind-mismatch: a rate given in working days",
            &[("人员聘用合格率；实施周期指标值:100%,年度指标值:100%", "人员聘用合格率；实施周期指标值:≤10个工作日,年度指标值:≤10个工作日")],
            vec![f("value-kind-mismatch", "G29", 4)],
            vec![],
        ),
        case(
            "value-kind-mismatch: a head count to deliver capped with ≤, and diners counted in households",
            &[
                ("发放岗位合同工人数；实施周期指标值:10人,年度指标值:10人", "发放岗位合同工人数；实施周期指标值:≤10人,年度指标值:≤10人"),
                ("工作餐人数；实施周期指标值:800人/天, 年度指标值:800人/天", "工作餐人数；实施周期指标值:800户/天, 年度指标值:800户/天"),
            ],
            vec![f("value-kind-mismatch", "G14", 2), f("value-kind-mismatch", "G29", 2)],
            vec![],
        ),
        case(
            "value-kind-mismatch is quiet on a count kept low, an efficiency in days and a rate in %",
            &[
                ("发放岗位合同工人数；实施周期指标值:10人,年度指标值:10人", "发放岗位合同工投诉次数；实施周期指标值:≤3次,年度指标值:≤3次"),
                ("人员聘用合格率；实施周期指标值:100%,年度指标值:100%", "人员聘用效率；实施周期指标值:≤10个工作日,年度指标值:≤10个工作日"),
            ],
            vec![],
            vec![],
        ),
        case(
            "name-placeholder: a template blank left in the name",
            &[("出国组团次数", "出国组团次数（≥**次）")],
            vec![f("name-placeholder", "G12", 4)],
            vec![],
        ),
        case(
            "goal-indicator-mismatch: a goal's 250项 that no indicator carries, made to agree (and now naming the main output, 50个)",
            &[("拟完成250项政务服务事项的梳理", "拟完成50个单位政务服务事项的梳理")],
            vec![],
            vec![
                f("goal-indicator-mismatch", "F23", 0),
                f("goal-indicator-mismatch", "G23", 4),
            ],
        ),
        case(
            "goal-indicator-mismatch: a goal's 18人 carried by the indicator 工作人员 18人 is quiet; 20人 is not",
            &[("保障政务中心800多名进驻窗口工作人员就餐", "保障政务中心800多名进驻窗口工作人员及20人后勤人员就餐")],
            vec![f("goal-indicator-mismatch", "F14", 0)],
            vec![],
        ),
        // ── cost ──
        case(
            "cost-missing: a project of 297 万元 whose only cost is a rate",
            &[("工程结算金额; 实施周期指标值:400万元, 年度指标值:400万元", "成本控制率; 实施周期指标值:≤100%, 年度指标值:≤100%")],
            vec![f("cost-missing", "G34", 0)],
            // The 400万元 above the budget went with it.
            vec![f("cost-exceeds-budget", "G34", 3)],
        ),
        case(
            "cost-missing is quiet on a small project whose only cost is a rate (70 万元, under 100)",
            &[("考评结果经费拨付率; 实施周期指标值:100%, 年度指标值:100%", "成本节约率; 实施周期指标值:≥5%, 年度指标值:≥5%")],
            vec![],
            // A saving rate is a cost-control rate: no longer misfiled.
            vec![f("cost-misfiled", "G17", 3)],
        ),
        case(
            "cost-missing is quiet once a project of 370 万元 states a cost in money",
            &[("3、1-产出指标, 13-时效指标, 工资按时按标准发放率; 实施周期指标值:100%, 年度指标值:100%;", "3、1-产出指标, 14-成本指标, 人均年工资; 实施周期指标值:≤10万元/人, 年度指标值:≤10万元/人;")],
            vec![],
            vec![f("cost-missing", "G39", 0)],
        ),
        case(
            "cost-exceeds-budget is quiet once the cost is within the budget",
            &[("工程结算金额; 实施周期指标值:400万元, 年度指标值:400万元", "工程结算金额; 实施周期指标值:290万元, 年度指标值:290万元")],
            vec![],
            vec![f("cost-exceeds-budget", "G34", 3)],
        ),
        case(
            "cost-exceeds-budget: a unit cost times its quantity (300元/套 × 29027 套 = 870.81 > 705)",
            &[("实施周期指标值:200元/套为最高限价。; 年度指标值:200元/套为最高限价。", "实施周期指标值:300元/套为最高限价。; 年度指标值:300元/套为最高限价。")],
            vec![f("cost-exceeds-budget", "G18", 2)],
            vec![],
        ),
        case(
            "indicator-misfiled is quiet on a timeliness rate and on a deadline (补贴及时发放率 100%, 2025年12月底前)",
            &[("13-时效指标,补贴发放率；", "13-时效指标,补贴及时发放率；"), ("13-时效指标,完成绩效评价；实施周期指标值:100%,年度指标值:100%", "13-时效指标,完成绩效评价；实施周期指标值:2025年12月底前,年度指标值:2025年12月底前")],
            vec![],
            vec![f("indicator-misfiled", "G27", 1), f("indicator-misfiled", "G27", 2)],
        ),
        case(
            "indicator-misfiled: a completion rate under 11-数量指标",
            &[("11-数量指标,验收公共服务站数量；实施周期指标值:85个,年度指标值:85个", "11-数量指标,验收完成率；实施周期指标值:100%,年度指标值:100%")],
            vec![f("indicator-misfiled", "G27", 3)],
            vec![],
        ),
        case(
            "indicator-misfiled: a count under 12-质量指标 (a rate under it is quiet: the seed)",
            &[("12-质量指标,项目完工验收率；实施周期指标值:标准:100%,年度指标值:100%", "12-质量指标,验收项目数；实施周期指标值:3个,年度指标值:3个")],
            vec![f("indicator-misfiled", "G26", 4)],
            vec![],
        ),
        case(
            "budget-target-mismatch: 100元/套 × 29027 套 = 290.27 万元, under half the 705 万元 budget",
            &[("实施周期指标值:200元/套为最高限价。; 年度指标值:200元/套为最高限价。", "实施周期指标值:100元/套为最高限价。; 年度指标值:100元/套为最高限价。")],
            vec![f("budget-target-mismatch", "G18", 2)],
            vec![],
        ),
        case(
            "budget-target-mismatch is quiet at 130元/套 (377.351 万元, over half of 705)",
            &[("实施周期指标值:200元/套为最高限价。; 年度指标值:200元/套为最高限价。", "实施周期指标值:130元/套为最高限价。; 年度指标值:130元/套为最高限价。")],
            vec![],
            vec![],
        ),
        case(
            "budget-target-mismatch: a cost in 元 far below the budget (1000000元 = 100 万元 of 297)",
            &[("工程结算金额; 实施周期指标值:400万元, 年度指标值:400万元", "工程结算金额; 实施周期指标值:1000000元, 年度指标值:1000000元")],
            vec![f("budget-target-mismatch", "G34", 3)],
            vec![f("cost-exceeds-budget", "G34", 3)],
        ),
        case(
            "cost-exceeds-budget: 元 converted to 万元 (3,000,000元 > 297.00万元 is false; 3,500,000元 is true)",
            &[("工程结算金额; 实施周期指标值:400万元, 年度指标值:400万元", "工程结算金额; 实施周期指标值:3500000元, 年度指标值:2960000元")],
            vec![],
            vec![f("cost-exceeds-budget", "G34", 3)],
        ),
        case(
            "cost-exceeds-budget: a unit cost too large to multiply by its quantity (it used to panic)",
            &[("实施周期指标值:200元/套为最高限价。; 年度指标值:200元/套为最高限价。", "实施周期指标值:9999999999999999999999999万元/套; 年度指标值:9999999999999999999999999万元/套")],
            vec![f("cost-exceeds-budget", "G18", 2)],
            vec![],
        ),
        case(
            "cost-exceeds-budget: a cost in 亿元 too large to convert (it used to panic)",
            &[("工程结算金额; 实施周期指标值:400万元, 年度指标值:400万元", "工程结算金额; 实施周期指标值:99999999999999999999999999亿元, 年度指标值:99999999999999999999999999亿元")],
            vec![],
            vec![],
        ),
        case(
            "cost-misfiled is quiet on a cost-control rate",
            &[("考评结果经费拨付率", "成本控制率")],
            vec![],
            vec![f("cost-misfiled", "G17", 3)],
        ),
        case(
            "cost-misfiled: a head count filed as 成本指标",
            &[("4、1-产出指标, 11-数量指标, 招聘人数", "4、1-产出指标, 14-成本指标, 招聘人数")],
            vec![f("cost-misfiled", "G35", 4)],
            vec![],
        ),
    ]
}

#[test]
fn each_case_changes_exactly_what_it_says() {
    let seed = seed();
    let base = findings(&seed);
    let mut failures = Vec::new();
    for case in cases() {
        let variant = edit(&seed, case.edits);
        let (added, removed) = diff(&base, &findings(&variant));
        if (&added, &removed) != (&case.added, &case.removed) {
            failures.push(format!("{}\n   added   {added:?}\n   removed {removed:?}\n   expected added {:?} removed {:?}", case.name, case.added, case.removed));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Each rule of the registry has a case that makes it fire, and one that shows
/// it quiet (or the seed, where it is quiet already).
#[test]
fn every_rule_has_a_firing_case() {
    // The long layouts' rules fire on their fixtures (tests/layouts.rs), and
    // standard-missing and standard-unknown on a real form with a 绩效标准 left
    // empty and one that says 无 (tests/forms.rs); weight-band where 产出指标
    // prints 50 over scores of 80, period-equals-annual with 240 万元 over the
    // period and 3所 for both (tests/layouts.rs).
    let long_fixtures = [
        "long-hubei.txt",
        "long-sichuan.txt",
        "long-paired.txt",
        "form.txt",
        "form-mid-term.txt",
        "forms/hunan-xiangtan-wupaoche.txt",
    ]
    .map(|name| {
        std::fs::read_to_string(format!(
            "{}/tests/fixtures/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
        .replace("雾炮车风炮射程\t≥80M\t计划标准", "雾炮车风炮射程\t≥80M\t")
        .replace("优良\t计划标准", "优良\t无")
        .replace("产出指标\t★数量指标", "产出指标（50分）\t★数量指标")
        .replace(
            "年度资金总额（万元）\t80\t",
            "资金总额\t240\t当年资金总额:\t80\t",
        )
        .replace("\t6所\t3所\t", "\t3所\t3所\t")
    });
    let fired: Vec<&str> = cases()
        .iter()
        .flat_map(|c| c.added.iter().map(|f| f.0))
        .chain(findings(&seed()).iter().map(|f| f.0))
        .chain(long_fixtures.iter().flat_map(|t| findings(t)).map(|f| f.0))
        .collect();
    let missing: Vec<&str> = REGISTRY
        .iter()
        .map(|r| r.id)
        .filter(|id| !fired.contains(id) && *id != "quote-unbalanced")
        .collect();
    assert!(
        missing.is_empty(),
        "rules without a case that fires them: {missing:?}"
    );
}
