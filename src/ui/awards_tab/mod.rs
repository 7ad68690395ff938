//! The "Khen thưởng" tab: one award at a time (chosen at the top), its rule, its nominees with
//! rank and score, the votes typed per nominee and the outcome computed live, the round's
//! figures, and the counting committee; beside it the selected nominee's reason, the decision
//! once it comes back, and the member's award history; the catalogue's editor on the left.
//!
//! Every change builds the year's whole [`YearAwards`] anew and is checked by the domain before
//! it becomes one `Edit::SetAwards` (one undo step): a refusal is shown at the field and the
//! stored value stays.

mod catalogue;
mod member;

use super::app::Action;
use super::session::YearView;
use super::widgets::{FieldBuffer, FieldBuffers, error_label_ui, form_field_ui, form_grid_ui};
use crate::domain::awards::{
    AwardId, AwardResult, Decision, Nomination, Ranks, Verdict, VoteRound, Votes, YearAwards,
    default_catalogue, format_share, tally,
};
use crate::domain::scoring::format_score;
use crate::domain::{MemberId, Person};
use crate::edit::Edit;
use crate::ops::export::DocumentKind;
use crate::text::number::format_number;
use egui::{Color32, RichText};

/// The year's ranking, derived once per change of the data.
struct Derived {
    generation: u64,
    ranks: Ranks,
}

#[derive(Default)]
pub struct AwardsTab {
    derived: Option<Derived>,
    /// The award shown.
    award: Option<AwardId>,
    /// The member whose nomination and history the side panel shows.
    selected: Option<MemberId>,
    catalogue_open: bool,
    fields: FieldBuffers,
    /// The member chosen to add to the award's nominees.
    to_add: Option<MemberId>,
    /// Why the last button's change was refused.
    error: Option<String>,
}

/// What a change is checked against and where it goes.
pub(crate) struct Ctx<'a> {
    view: &'a YearView,
    ranks: &'a Ranks,
    locked: bool,
}

impl Ctx<'_> {
    fn awards(&self) -> &YearAwards {
        &self.view.data.awards
    }

    fn members(&self) -> usize {
        self.view.members_in_year().len()
    }

    fn full_name(&self, id: MemberId) -> String {
        self.view.member(id).map_or(format!("Đơn vị số {id}"), |m| {
            m.full_name_in(self.view.year()).to_owned()
        })
    }

    /// Checks `new` as the store will and queues it as one edit; the refusal otherwise.
    fn commit(
        &self,
        actions: &mut Vec<Action>,
        new: YearAwards,
        label: &'static str,
    ) -> Result<(), String> {
        new.check(self.ranks, &|id| self.full_name(id))?;
        actions.push(Action::Edit(Edit::SetAwards {
            year: self.view.year(),
            awards: new,
            label,
        }));
        Ok(())
    }
}

/// Whole numbers typed in the tab ("8", "1.128"); a clear refusal otherwise.
pub(crate) fn parse_count(text: &str, what: &str) -> Result<u32, String> {
    let t = text.trim();
    let v = crate::text::number::parse_number(t)
        .ok()
        .filter(|v| v.is_finite() && *v >= 0.0 && v.fract() == 0.0 && *v <= 100_000.0);
    match v {
        Some(v) => Ok(v as u32),
        None => Err(format!(
            "{what} phải là một số nguyên không âm (đã nhập “{t}”)."
        )),
    }
}

impl AwardsTab {
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &YearView, actions: &mut Vec<Action>) {
        if self
            .derived
            .as_ref()
            .is_none_or(|d| d.generation != view.generation)
        {
            self.derived = Some(Derived {
                generation: view.generation,
                ranks: Ranks::of(&view.members, &view.data),
            });
        }
        // Taken out while drawing, so that the tab's own state can change meanwhile.
        let Some(derived) = self.derived.take() else {
            return;
        };
        let cx = Ctx {
            view,
            ranks: &derived.ranks,
            locked: view.locked(),
        };
        self.body_ui(ui, &cx, actions);
        self.derived = Some(derived);
    }

    fn body_ui(&mut self, ui: &mut egui::Ui, cx: &Ctx<'_>, actions: &mut Vec<Action>) {
        let view = cx.view;
        let year = view.year();
        let aw = cx.awards();
        if aw.awards.is_empty() {
            no_catalogue_ui(ui, cx, actions);
            return;
        }
        let shown = self
            .award
            .filter(|id| aw.award(*id).is_some())
            .or_else(|| aw.awards_in_order().first().map(|a| a.id));
        self.award = shown;
        let Some(award_id) = shown else { return };
        self.toolbar_ui(ui, cx, actions);
        if self.catalogue_open {
            egui::Panel::left("award-catalogue")
                .resizable(true)
                .default_size(360.0)
                .size_range(260.0..=520.0)
                .show(ui, |ui| {
                    if let Some(id) = catalogue::ui(ui, cx, award_id, &mut self.fields, actions) {
                        self.award = Some(id);
                    }
                });
        }
        egui::Panel::right("award-member")
            .resizable(true)
            .default_size(340.0)
            .size_range(260.0..=520.0)
            .show(ui, |ui| {
                member::ui(ui, cx, award_id, self.selected, &mut self.fields, actions)
            });
        egui::CentralPanel::default_margins().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    for a in aw.awards_in_order() {
                        if ui.selectable_label(a.id == award_id, &a.name).clicked() {
                            self.award = Some(a.id);
                            self.to_add = None;
                            self.error = None;
                        }
                    }
                });
                ui.separator();
                self.award_ui(ui, cx, award_id, actions);
                ui.add_space(12.0);
                egui::CollapsingHeader::new(format!("Ban kiểm phiếu năm {year}"))
                    .default_open(aw.committee.is_empty())
                    .show(ui, |ui| committee_ui(ui, cx, &mut self.fields, actions));
            });
        });
    }

    fn toolbar_ui(&mut self, ui: &mut egui::Ui, cx: &Ctx<'_>, actions: &mut Vec<Action>) {
        ui.horizontal_wrapped(|ui| {
            ui.heading(format!("Khen thưởng năm {}", cx.view.year()));
            ui.separator();
            let suggest = ui
                .add_enabled(!cx.locked, egui::Button::new("Đề xuất theo xếp hạng"))
                .on_hover_text(
                    "Đơn vị dẫn đầu cho Cờ thi đua của UBND tỉnh, các đơn vị xếp tiếp theo cho Bằng khen, theo số lượng của từng danh hiệu; đề nghị đã có được giữ nguyên.",
                );
            if suggest.clicked() {
                self.error = self.suggest(cx, actions).err();
            }
            ui.toggle_value(&mut self.catalogue_open, "Danh mục danh hiệu…");
            ui.separator();
            for (label, kind) in [
                ("Xuất tờ trình…", DocumentKind::Proposal),
                ("Xuất biên bản bình xét…", DocumentKind::ReviewMinutes),
                ("Xuất biên bản kiểm phiếu…", DocumentKind::VoteCount),
                ("Xuất phiếu bầu…", DocumentKind::Ballot),
            ] {
                if ui.button(label).clicked() {
                    actions.push(Action::ExportPdfDialog(kind));
                }
            }
        });
        if let Some(e) = &self.error {
            error_label_ui(ui, e);
        }
        ui.separator();
    }

    fn suggest(&self, cx: &Ctx<'_>, actions: &mut Vec<Action>) -> Result<(), String> {
        let aw = cx.awards();
        if !cx.ranks.scored {
            return Err("Năm này chưa có kết quả xếp hạng để đề xuất. Hãy chấm điểm ở thẻ Chấm điểm, hoặc thêm đơn vị đề nghị bằng tay.".to_owned());
        }
        let nominations = aw.suggest(cx.ranks, cx.members(), cx.view.year());
        if nominations == aw.nominations {
            return Err("Không có đề xuất mới: các suất theo xếp hạng đã có đơn vị.".to_owned());
        }
        let new = YearAwards {
            nominations,
            ..aw.clone()
        };
        cx.commit(actions, new, "đề xuất khen thưởng theo xếp hạng")
    }

    /// The award's rule, nominees, votes, round figures and outcome.
    fn award_ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &Ctx<'_>,
        award_id: AwardId,
        actions: &mut Vec<Action>,
    ) {
        let aw = cx.awards();
        let Some(award) = aw.award(award_id) else {
            return;
        };
        let result = tally(award, aw, cx.members());
        ui.label(RichText::new(&award.name).heading().strong());
        if award.template {
            ui.label(
                RichText::new("Danh hiệu theo danh mục mẫu: hãy kiểm tra số lượng và tỷ lệ phiếu theo quy chế của Khối (Danh mục danh hiệu…).")
                    .color(super::widgets::WARNING_COLOR),
            );
        }
        ui.label(format!(
            "Số lượng: {} · Cần đạt: {} · Đối tượng: {}",
            award.quota.describe(cx.members()),
            award.threshold.describe(),
            award.eligibility.label().to_lowercase()
        ));
        let rounds = aw.rounds_for(award_id);
        let last = rounds.last().copied();
        ui.add_space(6.0);
        let outcome = result.explain(award.threshold, &|id| cx.full_name(id));
        let text = RichText::new(outcome).strong();
        ui.label(if !result.open_tie().is_empty() {
            text.color(super::widgets::ERROR_COLOR)
        } else if result.proposed().is_empty() {
            text
        } else {
            text.color(verdict_color(Verdict::Proposed))
        });
        ui.add_space(6.0);
        self.nominees_ui(ui, cx, award_id, &result, last, actions);
        ui.add_space(6.0);
        self.add_nominee_ui(ui, cx, award_id, actions);
        ui.add_space(8.0);
        self.rounds_ui(ui, cx, award_id, &result, last, actions);
    }

    fn nominees_ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &Ctx<'_>,
        award_id: AwardId,
        result: &AwardResult,
        last: Option<&VoteRound>,
        actions: &mut Vec<Action>,
    ) {
        let aw = cx.awards();
        let nominations = aw.nominations_for(award_id);
        if nominations.is_empty() {
            ui.label(
                "Chưa có đơn vị đề nghị. Bấm “Đề xuất theo xếp hạng” hoặc thêm đơn vị bên dưới.",
            );
            return;
        }
        // Proposed in an earlier round: no field in a later one.
        let earlier = |m: MemberId| {
            result.nominee(m).is_some_and(|n| {
                n.verdict == Verdict::Proposed && Some(n.round) != last.map(|r| r.round)
            })
        };
        let mut remove = None;
        egui::Grid::new(("nominees", award_id))
            .striped(true)
            .num_columns(7)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                for h in [
                    "Đơn vị",
                    "Xếp hạng",
                    "Điểm",
                    "Phiếu đồng ý",
                    "Tỷ lệ",
                    "Kết quả",
                    "",
                ] {
                    ui.label(RichText::new(h).strong());
                }
                ui.end_row();
                for n in nominations {
                    let m = n.member;
                    let name = cx.view.short_name(m);
                    if ui
                        .selectable_label(self.selected == Some(m), &name)
                        .on_hover_text(&n.reason)
                        .clicked()
                    {
                        self.selected = Some(m);
                    }
                    ui.label(
                        cx.ranks
                            .rank(m)
                            .map(|k| k.to_string())
                            .unwrap_or_else(|| "—".to_owned()),
                    );
                    ui.label(
                        cx.ranks
                            .final_total(m)
                            .map(format_score)
                            .unwrap_or_default(),
                    );
                    let outcome = result.nominee(m);
                    match last {
                        Some(round) if !earlier(m) => {
                            let key = format!("votes-{award_id}-{}-{m}", round.round);
                            let stored = round
                                .votes_for(m)
                                .map(|v| format_number(f64::from(v)))
                                .unwrap_or_default();
                            let buffer = self.fields.entry(key).or_default();
                            let label = format!("Số phiếu đồng ý của {name}");
                            if let Some(text) =
                                count_cell_ui(ui, &label, &stored, buffer, !cx.locked)
                            {
                                buffer.error = set_votes(cx, actions, round, m, &text).err();
                            }
                        }
                        Some(_) => {
                            ui.label(format!("vòng {}", outcome.map_or(0, |o| o.round)));
                        }
                        None => {
                            ui.label("—");
                        }
                    }
                    ui.label(
                        outcome
                            .and_then(|o| o.share)
                            .map(format_share)
                            .unwrap_or_default(),
                    );
                    let verdict = outcome.map_or(Verdict::NotVoted, |o| o.verdict);
                    ui.label(RichText::new(verdict.label()).color(verdict_color(verdict)));
                    if ui
                        .add_enabled(!cx.locked, egui::Button::new("Bỏ").small())
                        .on_hover_text("Bỏ đơn vị này khỏi danh sách đề nghị (cả số phiếu của nó)")
                        .clicked()
                    {
                        remove = Some(m);
                    }
                    ui.end_row();
                }
            });
        for (key, b) in self.fields.iter() {
            if key.starts_with(&format!("votes-{award_id}-"))
                && let Some(e) = &b.error
            {
                error_label_ui(ui, e);
            }
        }
        if let Some(m) = remove {
            let mut new = aw.clone();
            new.nominations
                .retain(|n| !(n.award == award_id && n.member == m));
            for r in new.rounds.iter_mut().filter(|r| r.award == award_id) {
                r.votes.retain(|v| v.member != m);
            }
            self.error = cx
                .commit(actions, new, "bỏ đơn vị khỏi danh sách đề nghị")
                .err();
        }
    }

    fn add_nominee_ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &Ctx<'_>,
        award_id: AwardId,
        actions: &mut Vec<Action>,
    ) {
        let aw = cx.awards();
        let candidates: Vec<MemberId> = cx
            .view
            .members_in_year()
            .iter()
            .map(|m| m.id)
            .filter(|id| {
                !aw.nominations
                    .iter()
                    .any(|n| n.award == award_id && n.member == *id)
            })
            .collect();
        if candidates.is_empty() {
            return;
        }
        ui.horizontal(|ui| {
            let label = ui.label("Thêm đơn vị đề nghị:");
            let shown = self
                .to_add
                .filter(|m| candidates.contains(m))
                .map_or("(chọn đơn vị)".to_owned(), |m| cx.view.short_name(m));
            egui::ComboBox::from_id_salt(("add-nominee", award_id))
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    for &m in &candidates {
                        ui.selectable_value(&mut self.to_add, Some(m), cx.view.short_name(m));
                    }
                })
                .response
                .labelled_by(label.id);
            let chosen = self.to_add.filter(|m| candidates.contains(m));
            if ui
                .add_enabled(!cx.locked && chosen.is_some(), egui::Button::new("Thêm"))
                .clicked()
                && let Some(m) = chosen
            {
                let mut new = aw.clone();
                let sort = aw.nominations_for(award_id).last().map_or(0, |n| n.sort) + 1;
                let reason = match cx.ranks.rank(m) {
                    Some(k) => format!(
                        "Xếp thứ {k} trong phong trào thi đua của Khối năm {}",
                        cx.view.year()
                    ),
                    None => String::new(),
                };
                new.nominations.push(Nomination {
                    award: award_id,
                    member: m,
                    reason,
                    sort,
                    decision: Decision::default(),
                });
                match cx.commit(actions, new, "thêm đơn vị đề nghị khen thưởng") {
                    Ok(()) => {
                        self.error = None;
                        self.selected = Some(m);
                        self.to_add = None;
                    }
                    Err(e) => self.error = Some(e),
                }
            }
        });
    }

    fn rounds_ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &Ctx<'_>,
        award_id: AwardId,
        result: &AwardResult,
        last: Option<&VoteRound>,
        actions: &mut Vec<Action>,
    ) {
        let aw = cx.awards();
        if aw.nominations_for(award_id).is_empty() {
            return;
        }
        let members = cx.members() as u32;
        let new_round = |n: u32| VoteRound {
            award: award_id,
            round: n,
            members,
            present: members,
            issued: members,
            returned: members,
            valid: members,
            votes: Vec::new(),
        };
        ui.horizontal(|ui| {
            let next = match last {
                None => Some(("Nhập kết quả bỏ phiếu", 1)),
                Some(r) if !result.open_tie().is_empty() => {
                    Some(("Bỏ phiếu vòng tiếp theo", r.round + 1))
                }
                Some(_) => None,
            };
            if let Some((label, n)) = next
                && ui
                    .add_enabled(!cx.locked, egui::Button::new(label))
                    .clicked()
            {
                let mut new = aw.clone();
                new.rounds.push(new_round(n));
                self.error = cx.commit(actions, new, "thêm vòng bỏ phiếu").err();
            }
            if let Some(r) = last
                && ui
                    .add_enabled(
                        !cx.locked,
                        egui::Button::new(format!("Xóa vòng {}", r.round)),
                    )
                    .clicked()
            {
                let mut new = aw.clone();
                new.rounds
                    .retain(|x| !(x.award == award_id && x.round == r.round));
                self.error = cx.commit(actions, new, "xóa vòng bỏ phiếu").err();
            }
        });
        let Some(round) = last else { return };
        ui.add_space(4.0);
        ui.label(RichText::new(format!("Số liệu vòng {}", round.round)).strong());
        type Field = (&'static str, fn(&VoteRound) -> u32, fn(&mut VoteRound, u32));
        let fields: [Field; 5] = [
            ("Tổng số thành viên", |r| r.members, |r, v| r.members = v),
            ("Số thành viên có mặt", |r| r.present, |r, v| r.present = v),
            ("Số phiếu phát ra", |r| r.issued, |r, v| r.issued = v),
            ("Số phiếu thu về", |r| r.returned, |r, v| r.returned = v),
            ("Số phiếu hợp lệ", |r| r.valid, |r, v| r.valid = v),
        ];
        // Short numbers: the fields need not span the panel.
        ui.scope(|ui| {
            ui.set_max_width(ui.available_width().min(420.0));
            form_grid_ui(ui, ("round", award_id), 180.0, |ui| {
                for (label, get, set) in fields {
                    let key = format!("round-{award_id}-{}-{label}", round.round);
                    let buffer = self.fields.entry(key).or_default();
                    let stored = format_number(f64::from(get(round)));
                    if let Some(text) = form_field_ui(ui, label, &stored, buffer, false, !cx.locked)
                    {
                        buffer.error = parse_count(&text, label)
                            .and_then(|v| {
                                let mut r = round.clone();
                                set(&mut r, v);
                                replace_round(cx, actions, r)
                            })
                            .err();
                    }
                }
                ui.label("Số phiếu không hợp lệ");
                ui.label(format_number(f64::from(round.invalid())));
                ui.end_row();
            });
        });
    }
}

/// Saves `round` in place of the round with its award and number.
fn replace_round(cx: &Ctx<'_>, actions: &mut Vec<Action>, round: VoteRound) -> Result<(), String> {
    let mut new = cx.awards().clone();
    let Some(slot) = new
        .rounds
        .iter_mut()
        .find(|r| r.award == round.award && r.round == round.round)
    else {
        return Err("Vòng bỏ phiếu này không còn; hãy thêm lại.".to_owned());
    };
    *slot = round;
    cx.commit(actions, new, "nhập kết quả bỏ phiếu")
}

/// Sets (or, for an empty text, clears) the votes of `member` in `round`.
fn set_votes(
    cx: &Ctx<'_>,
    actions: &mut Vec<Action>,
    round: &VoteRound,
    member: MemberId,
    text: &str,
) -> Result<(), String> {
    let mut r = round.clone();
    r.votes.retain(|v| v.member != member);
    if !text.trim().is_empty() {
        let votes = parse_count(text, "Số phiếu đồng ý")?;
        if votes > r.valid {
            return Err(format!(
                "Số phiếu đồng ý ({}) nhiều hơn số phiếu hợp lệ ({}) của vòng {}.",
                format_number(f64::from(votes)),
                format_number(f64::from(r.valid)),
                r.round
            ));
        }
        r.votes.push(Votes { member, votes });
    }
    replace_round(cx, actions, r)
}

fn verdict_color(v: Verdict) -> Color32 {
    match v {
        Verdict::Proposed => Color32::from_rgb(0, 110, 0),
        Verdict::Tie | Verdict::BelowThreshold => super::widgets::ERROR_COLOR,
        Verdict::OverQuota => super::widgets::WARNING_COLOR,
        Verdict::NotVoted => Color32::GRAY,
    }
}

/// A number typed in a table cell, committed on Enter or when the cell is left. Its name for
/// screen readers (and tests) is `label`.
fn count_cell_ui(
    ui: &mut egui::Ui,
    label: &str,
    stored: &str,
    buffer: &mut FieldBuffer,
    enabled: bool,
) -> Option<String> {
    let mut text = buffer.editing.clone().unwrap_or_else(|| stored.to_owned());
    let response = ui.add_enabled(
        enabled,
        egui::TextEdit::singleline(&mut text)
            .desired_width(60.0)
            .align(egui::Align2::RIGHT_CENTER),
    );
    let label = label.to_owned();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, enabled, &label));
    if response.has_focus() || response.changed() {
        buffer.editing = Some(text);
    }
    if response.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        buffer.editing = None;
        buffer.error = None;
        response.surrender_focus();
        return None;
    }
    if response.lost_focus()
        && let Some(t) = buffer.editing.take()
        && t.trim() != stored
    {
        return Some(t);
    }
    None
}

/// The counting committee: its head, then its members one per line.
fn committee_ui(
    ui: &mut egui::Ui,
    cx: &Ctx<'_>,
    fields: &mut FieldBuffers,
    actions: &mut Vec<Action>,
) {
    let aw = cx.awards();
    let head = aw.committee.first().map_or(String::new(), committee_line);
    let others: Vec<String> = aw.committee.iter().skip(1).map(committee_line).collect();
    let others = others.join("\n");
    form_grid_ui(ui, "committee", 180.0, |ui| {
        let b = fields.entry("committee-head".to_owned()).or_default();
        if let Some(t) = form_field_ui(
            ui,
            "Trưởng ban kiểm phiếu (họ tên, chức vụ)",
            &head,
            b,
            false,
            !cx.locked,
        ) {
            b.error = save_committee(cx, actions, &t, &others).err();
        }
        let b = fields.entry("committee-members".to_owned()).or_default();
        if let Some(t) = form_field_ui(
            ui,
            "Thành viên ban kiểm phiếu (mỗi dòng: họ tên, chức vụ)",
            &others,
            b,
            true,
            !cx.locked,
        ) {
            b.error = save_committee(cx, actions, &head, &t).err();
        }
    });
}

/// A committee member as typed: "name, post".
fn committee_line(p: &Person) -> String {
    if p.unit.trim().is_empty() {
        p.name.clone()
    } else {
        format!("{}, {}", p.name, p.unit)
    }
}

fn save_committee(
    cx: &Ctx<'_>,
    actions: &mut Vec<Action>,
    head: &str,
    others: &str,
) -> Result<(), String> {
    // "Nguyễn Văn A, Chánh Văn phòng Sở Công Thương": the name, then the person's post.
    let person = |line: &str, role: &str| {
        let (name, post) = line.split_once(',').unwrap_or((line, ""));
        Person {
            name: name.trim().to_owned(),
            position: role.to_owned(),
            unit: post.trim().to_owned(),
        }
    };
    let mut committee = vec![person(head, "Trưởng ban")];
    committee.extend(
        others
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| person(l, "Thành viên")),
    );
    if committee.iter().all(|p| p.name.is_empty()) {
        committee.clear();
    }
    let new = YearAwards {
        committee,
        ..cx.awards().clone()
    };
    cx.commit(actions, new, "sửa ban kiểm phiếu")
}

fn no_catalogue_ui(ui: &mut egui::Ui, cx: &Ctx<'_>, actions: &mut Vec<Action>) {
    let year = cx.view.year();
    ui.add_space(20.0);
    ui.heading(format!("Năm {year} chưa có danh mục danh hiệu khen thưởng"));
    ui.label("Danh mục mẫu gồm Cờ thi đua của Chính phủ, Cờ thi đua của UBND tỉnh và Bằng khen của Chủ tịch UBND tỉnh; số lượng và tỷ lệ phiếu là số gợi ý, hãy sửa theo quy chế của Khối.");
    ui.add_space(8.0);
    if ui
        .add_enabled(!cx.locked, egui::Button::new("Áp dụng danh mục mẫu"))
        .clicked()
    {
        let new = YearAwards {
            awards: default_catalogue(),
            ..cx.awards().clone()
        };
        if let Err(e) = cx.commit(actions, new, "áp dụng danh mục khen thưởng mẫu") {
            actions.push(Action::ShowError(e));
        }
    }
}
