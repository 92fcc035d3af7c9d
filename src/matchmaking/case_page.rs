//! `/{lang}/cases/{id}`: one liaison case for its parties and the operators — where it stands,
//! the steps the viewer may take now (each a form), the contacts once both sides have agreed,
//! the meeting in the viewer's own time zone, its history and its message thread.

use super::api::fetch_case;
use super::views::{Select, StatusBadge, TextArea};
use super::{CURRENCIES, CaseDetail, CaseEvent, CaseMessage, Contact, MEETING_ZONES, flow};
use crate::i18n::{Lang, tr, use_lang};
use crate::ui::{Fact, LocalizedText};
use crate::web::form::Field;
use crate::web::url::Page;
use crate::web::views::{FoundPage, NotFound, path_id};
use crate::zone::Choice;
use leptos::prelude::*;

#[component]
pub fn CasePage() -> impl IntoView {
    let lang = use_lang();
    let Some(id) = path_id() else {
        return view! { <NotFound /> }.into_any();
    };
    let here = Page::Case { id }.url(lang);
    let action = here.clone();
    view! {
        <FoundPage members_only=here title="case-title" class="case" load=move || fetch_case(lang, id)
            show=move |case| view! { <CaseView lang case action=action.clone() /> } />
    }
    .into_any()
}

#[component]
fn CaseView(lang: Lang, case: CaseDetail, action: String) -> impl IntoView {
    let demand = case.demand.clone().map(|(id, title)| {
        view! { <Fact label=tr(lang, "case-demand")><a href=Page::Demand { id }.url(lang)><LocalizedText text=title /></a></Fact> }
    });
    let meeting = case.meeting.clone().map(|m| {
        view! {
            <section class="meeting" aria-labelledby="meeting">
                <h2 id="meeting">{tr(lang, "case-meeting")}</h2>
                <dl class="facts">
                    <Fact label=tr(lang, "case-meeting-your-time")><time datetime=m.at.clone()>{m.own}</time></Fact>
                    <Fact label=tr(lang, "case-meeting-set-in")>{m.local}</Fact>
                    <Fact label=tr(lang, "case-meeting-place")>{m.place}</Fact>
                </dl>
            </section>
        }
    });
    let contacts = match case.contacts.clone() {
        Some((ours, theirs)) => view! {
            <section class="contacts" aria-labelledby="contacts">
                <h2 id="contacts">{tr(lang, "case-contacts")}</h2>
                <div class="contact-pair">
                    <ContactCard lang title="case-side-enterprise" contact=ours />
                    <ContactCard lang title="case-side-partner" contact=theirs />
                </div>
            </section>
        }
        .into_any(),
        None => view! { <p class="muted">{tr(lang, "case-contacts-later")}</p> }.into_any(),
    };
    let open = !flow::Stage::from_code(&case.stage).is_some_and(flow::Stage::is_final);
    view! {
        <p><StatusBadge lang prefix="case-stage" code=case.stage.clone() /> " " {case.kind.clone()}</p>
        <dl class="facts">
            <Fact label=tr(lang, "case-company")><a href=case.company_href.clone()><LocalizedText text=case.company.clone() /></a></Fact>
            <Fact label=tr(lang, "case-enterprise")>{case.enterprise.clone()}</Fact>
            <Fact label=tr(lang, "case-purpose")>{case.purpose.clone()}</Fact>
            {demand}
            {case.outcome.clone().map(|o| view! { <Fact label=tr(lang, "case-outcome")>{o}</Fact> })}
        </dl>
        <section class="case-request">
            <h2>{tr(lang, "case-request")}</h2>
            <p class="message-body">{case.message.clone()}</p>
        </section>
        {meeting}
        {contacts}
        <Steps lang steps=case.steps.clone() action=action.clone() />
        <History lang events=case.events.clone() />
        <Thread lang messages=case.messages.clone() action=action open />
    }
}

#[component]
fn ContactCard(lang: Lang, title: &'static str, contact: Contact) -> impl IntoView {
    view! {
        <dl class="facts contact">
            <Fact label=tr(lang, title)>{contact.organisation}</Fact>
            {contact.person.map(|p| view! { <Fact label=tr(lang, "case-contact-person")>{p}</Fact> })}
            {contact.email.map(|e| view! { <Fact label=tr(lang, "form-email")><a href=format!("mailto:{e}")>{e.clone()}</a></Fact> })}
            {contact.phone.map(|p| view! { <Fact label=tr(lang, "register-phone")>{p}</Fact> })}
        </dl>
    }
}

/// A form per step the viewer may take, each with what that step asks for.
#[component]
fn Steps(lang: Lang, steps: Vec<String>, action: String) -> impl IntoView {
    if steps.is_empty() {
        return ().into_any();
    }
    let forms = steps
        .into_iter()
        .map(|step| {
            let extra = match flow::Step::from_code(&step) {
                Some(flow::Step::Schedule) => view! { <MeetingFields lang /> }.into_any(),
                Some(flow::Step::Close) => view! { <OutcomeFields lang /> }.into_any(),
                Some(flow::Step::Refuse | flow::Step::Decline) => view! {
                    <TextArea name="note" form=step.clone() label=tr(lang, "case-reason") rows=3 required=true />
                }
                .into_any(),
                _ => view! { <TextArea name="note" form=step.clone() label=tr(lang, "case-note") rows=2 /> }
                    .into_any(),
            };
            let label = tr(lang, &format!("case-do-{step}"));
            view! {
                <form method="post" action=action.clone() class=format!("stacked-form step step-{step}")>
                    <input type="hidden" name="do" value="step" />
                    <input type="hidden" name="step" value=step.clone() />
                    {extra}
                    <button type="submit" class="button primary">{label}</button>
                </form>
            }
        })
        .collect_view();
    view! {
        <section class="steps" aria-labelledby="steps">
            <h2 id="steps">{tr(lang, "case-steps")}</h2>
            {forms}
        </section>
    }
    .into_any()
}

#[component]
fn MeetingFields(lang: Lang) -> impl IntoView {
    let zones: Vec<Choice> = MEETING_ZONES
        .iter()
        .map(|(zone, _)| Choice {
            value: (*zone).to_owned(),
            label: (*zone).to_owned(),
        })
        .collect();
    view! {
        <Field name="meeting_date" kind="date" label=tr(lang, "case-meeting-date") />
        <Field name="meeting_time" kind="time" label=tr(lang, "case-meeting-time") />
        <Select name="meeting_zone" label=tr(lang, "case-meeting-zone") options=zones
            selected="Asia/Shanghai".to_owned() />
        <Field name="meeting_place" label=tr(lang, "case-meeting-place") hint=tr(lang, "case-meeting-place-hint") />
        <TextArea name="note" form="schedule" label=tr(lang, "case-note") rows=2 />
    }
}

#[component]
fn OutcomeFields(lang: Lang) -> impl IntoView {
    let outcomes: Vec<Choice> = flow::OUTCOMES
        .iter()
        .map(|o| Choice {
            value: o.code().to_owned(),
            label: tr(lang, &format!("case-outcome-{}", o.code())),
        })
        .collect();
    let currencies = CURRENCIES
        .iter()
        .map(|c| Choice {
            value: (*c).to_owned(),
            label: (*c).to_owned(),
        })
        .collect();
    view! {
        <Select name="outcome" label=tr(lang, "case-outcome") options=outcomes blank=tr(lang, "form-choose") />
        <Field name="amount" label=tr(lang, "case-amount") required=false hint=tr(lang, "case-amount-hint") />
        <Select name="currency" label=tr(lang, "demand-currency") options=currencies blank=tr(lang, "form-choose") />
        <TextArea name="note" form="close" label=tr(lang, "case-outcome-note") rows=3 />
    }
}

#[component]
fn History(lang: Lang, events: Vec<CaseEvent>) -> impl IntoView {
    let rows = events
        .into_iter()
        .map(|e| {
            view! {
                <li>
                    <time datetime=e.at.clone()>{e.at.get(..16).unwrap_or_default().replace('T', " ")} " UTC"</time>
                    " · " {e.side} " · " {e.step} " → " {e.to_stage}
                    {e.note.map(|n| view! { <p class="note">{n}</p> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="history" aria-labelledby="history">
            <h2 id="history">{tr(lang, "case-history")}</h2>
            <ol class="timeline">{rows}</ol>
        </section>
    }
}

#[component]
fn Thread(lang: Lang, messages: Vec<CaseMessage>, action: String, open: bool) -> impl IntoView {
    let empty = messages.is_empty();
    let rows = messages
        .into_iter()
        .map(|m| {
            view! {
                <li class:mine=m.mine>
                    <p class="meta">{m.side} " · " <time datetime=m.at.clone()>{m.at.get(..16).unwrap_or_default().replace('T', " ")} " UTC"</time></p>
                    <p class="message-body">{m.body}</p>
                </li>
            }
        })
        .collect_view();
    let form = open.then(|| {
        view! {
            <form method="post" action=action class="stacked-form">
                <input type="hidden" name="do" value="message" />
                <TextArea name="body" label=tr(lang, "case-message-new") rows=4 required=true />
                <button type="submit" class="button">{tr(lang, "case-message-send")}</button>
            </form>
        }
    });
    view! {
        <section class="thread" aria-labelledby="thread">
            <h2 id="thread">{tr(lang, "case-thread")}</h2>
            <p class="hint">{tr(lang, "case-thread-hint")}</p>
            {empty.then(|| view! { <p class="muted">{tr(lang, "case-thread-empty")}</p> })}
            <ol class="messages">{rows}</ol>
            {form}
        </section>
    }
}
