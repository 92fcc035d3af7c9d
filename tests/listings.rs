#![cfg(feature = "ssr")]
//! Partner imports end to end over HTTP: upload, preview, commit, undo, the API with its tokens,
//! and refused files that change nothing. Runs on SQLite, and on PostgreSQL when
//! `VNEXT_TEST_DATABASE_URL` is set.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::web::*;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
};
use sha2::{Digest, Sha256};
use vnext::accounts::Role;
use vnext::listings::tokens;
use vnext::platform::audit::Actor;
use vnext::serve::Site;
use vnext::zone::entity::{company, company_text, cooperation_intent, financial_year};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/fixtures/listings/{name}")).expect("fixture")
}

/// A digest of every row a listing import can touch: equal digests, nothing changed.
async fn digest(db: &DatabaseConnection) -> String {
    let mut hasher = Sha256::new();
    let companies = company::Entity::find()
        .order_by_asc(company::Column::Id)
        .all(db)
        .await
        .unwrap();
    for c in companies {
        hasher.update(format!(
            "{:?}|{:?}",
            (c.id, &c.symbol, &c.market, &c.website),
            c.delisted_at
        ));
    }
    for t in company_text::Entity::find()
        .order_by_asc(company_text::Column::CompanyId)
        .order_by_asc(company_text::Column::Lang)
        .all(db)
        .await
        .unwrap()
    {
        hasher.update(format!("{t:?}"));
    }
    for i in cooperation_intent::Entity::find()
        .order_by_asc(cooperation_intent::Column::Id)
        .all(db)
        .await
        .unwrap()
    {
        hasher.update(format!("{i:?}"));
    }
    for y in financial_year::Entity::find()
        .order_by_asc(financial_year::Column::CompanyId)
        .order_by_asc(financial_year::Column::FiscalYear)
        .all(db)
        .await
        .unwrap()
    {
        hasher.update(format!("{y:?}"));
    }
    hex::encode(hasher.finalize())
}

const BOUNDARY: &str = "----vnext-test-boundary";

/// A multipart upload as the workspace's form posts it.
fn multipart(files: &[(&str, &str, &[u8])], fields: &[(&str, &str)]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    for (name, file_name, bytes) in files {
        body.extend(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend(*bytes);
        body.extend(b"\r\n");
    }
    body.extend(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

async fn upload(
    app: &Site,
    session: &str,
    files: &[(&str, &str, &[u8])],
    fields: &[(&str, &str)],
) -> Reply {
    let request = Request::post("/en/partner/imports")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .header("sec-fetch-site", "same-origin")
        .header(header::COOKIE, format!("{COOKIE}={session}"))
        .body(Body::from(multipart(files, fields)))
        .unwrap();
    send(app, request).await
}

/// The batch id of an upload's redirect to its preview.
fn batch_id(reply: &Reply) -> i32 {
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    reply
        .location()
        .rsplit('/')
        .next()
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("a batch page: {}", reply.location()))
}

/// The batch of one fixture uploaded as the companies' file.
async fn upload_fixture(app: &Site, session: &str, name: &str) -> i32 {
    batch_id(&upload(app, session, &[("file", name, &fixture(name))], &[]).await)
}

async fn preview(app: &Site, session: &str, id: i32) -> Reply {
    get(app, &format!("/en/partner/imports/{id}"), Some(session)).await
}

/// Commits (or undoes) batch `id` as the holder of `session` would, from the batch's page.
async fn commit(app: &Site, session: &str, id: i32) -> Reply {
    post(
        app,
        &format!("/en/partner/imports/{id}/commit"),
        Some(session),
        &[],
    )
    .await
}

async fn undo(app: &Site, session: &str, id: i32) -> Reply {
    post(
        app,
        &format!("/en/partner/imports/{id}/undo"),
        Some(session),
        &[],
    )
    .await
}

async fn partner(db: &DatabaseConnection, app: &Site, email: &str, mic: &str) -> String {
    staff(db, Role::Partner, email, Some(mic)).await;
    sign_in(app, email, PASSWORD).await
}

#[tokio::test]
async fn a_partner_uploads_previews_commits_and_undoes_a_bursa_file() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    let session = partner(&db, &app, "desk@bursa.example", "XKLS").await;
    let before = digest(&db).await;

    let id = upload_fixture(&app, &session, "bursa.csv").await;
    // The preview changes nothing yet, and says what would happen.
    let preview = preview(&app, &session, id).await;
    assert_eq!(preview.status, StatusCode::OK);
    assert!(
        preview
            .body
            .contains("3 rows: 3 new, 0 updated, 0 unchanged, 0 delisted, 0 rejected"),
        "{}",
        preview.body
    );
    assert!(preview.body.contains("Inari Amertron Berhad"));
    assert_eq!(digest(&db).await, before);

    let committed = commit(&app, &session, id).await;
    assert_eq!(
        committed.status,
        StatusCode::SEE_OTHER,
        "{}",
        committed.body
    );
    // Leading zeros are kept: the symbol is text.
    let page = get(&app, "/en/zone/XKLS/03024", None).await;
    assert_eq!(page.status, StatusCode::OK);
    let page = get(&app, "/en/zone/XKLS/0166", None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Inari Amertron Berhad"));
    // The search index knows the new companies, and no write is left holding its triggers.
    let found = get(&app, "/en/zone?q=Amertron", None).await;
    assert!(
        found.body.contains("/en/zone/XKLS/0166"),
        "search finds an imported company"
    );
    if db.get_database_backend() == sea_orm::DbBackend::Sqlite {
        let held = db
            .query_one_raw(sea_orm::Statement::from_string(
                sea_orm::DbBackend::Sqlite,
                "SELECT count(*) AS n FROM search_refresh_deferred",
            ))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(held.try_get::<i64>("", "n").unwrap(), 0);
    }

    // The same file again changes nothing.
    let again = upload_fixture(&app, &session, "bursa.csv").await;
    let preview = get(
        &app,
        &format!("/en/partner/imports/{again}"),
        Some(&session),
    )
    .await;
    assert!(
        preview
            .body
            .contains("3 rows: 0 new, 0 updated, 3 unchanged"),
        "{}",
        preview.body
    );

    let undone = undo(&app, &session, id).await;
    assert_eq!(undone.status, StatusCode::SEE_OTHER, "{}", undone.body);
    assert_eq!(
        get(&app, "/en/zone/XKLS/0166", None).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(digest(&db).await, before, "undo restores every row");
}

#[tokio::test]
async fn financial_years_come_in_a_second_file_and_an_update_shows_old_and_new() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    let session = partner(&db, &app, "desk2@bursa.example", "XKLS").await;
    let files: [(&str, &str, &[u8]); 2] = [
        ("file", "bursa.csv", &fixture("bursa.csv")),
        ("financials", "financials.csv", &fixture("financials.csv")),
    ];
    let id = batch_id(&upload(&app, &session, &files, &[]).await);
    let committed = commit(&app, &session, id).await;
    assert_eq!(
        committed.status,
        StatusCode::SEE_OTHER,
        "{}",
        committed.body
    );
    let inari = company::Entity::find()
        .filter(company::Column::Symbol.eq("0166"))
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    let years = financial_year::Entity::find()
        .filter(financial_year::Column::CompanyId.eq(inari.id))
        .order_by_asc(financial_year::Column::FiscalYear)
        .all(&db)
        .await
        .unwrap();
    assert_eq!(years.len(), 2);
    assert_eq!(
        (years[1].revenue, years[1].net_profit),
        (1_601_900, -12_500),
        "thousands and (negatives)"
    );

    // An update: the website of an existing company, shown old → new before commit.
    let symbol = listed_symbol(&db, "XKLS").await;
    let csv = format!("Stock Code,Website\n{symbol},https://new.example.com/\n");
    let id = batch_id(
        &upload(
            &app,
            &session,
            &[("file", "update.csv", csv.as_bytes())],
            &[],
        )
        .await,
    );
    let preview = preview(&app, &session, id).await;
    assert!(
        preview.body.contains("1 rows: 0 new, 1 updated"),
        "{}",
        preview.body
    );
    assert!(
        preview.body.contains("<ins>https://new.example.com/</ins>"),
        "{}",
        preview.body
    );
}

#[tokio::test]
async fn a_file_with_errors_is_refused_row_by_row_and_changes_nothing() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    let session = partner(&db, &app, "desk3@bursa.example", "XKLS").await;
    let before = digest(&db).await;
    let id = upload_fixture(&app, &session, "errors.csv").await;
    let preview = preview(&app, &session, id).await;
    for expected in [
        "is not a symbol of XKLS",
        "Symbol 7001 appears more than once (rows 3, 4)",
        "is not a market of XKLS",
        "“31/02/2020” is not a date",
        "is not a web address",
        "“XX” is not an ISO country code",
        "This row belongs to another exchange (XBKK)",
        "A value is required here.",
    ] {
        assert!(
            preview.body.contains(expected),
            "{expected}: {}",
            preview.body
        );
    }
    assert!(
        !preview.body.contains("Commit all changes"),
        "no commit button"
    );
    let refused = commit(&app, &session, id).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(digest(&db).await, before);
}

#[tokio::test]
async fn others_cannot_see_or_touch_a_partners_batch() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    let kl = partner(&db, &app, "kl@bursa.example", "XKLS").await;
    let bkk = partner(&db, &app, "bkk@set.example", "XBKK").await;
    let id = upload_fixture(&app, &kl, "bursa.csv").await;
    let page = format!("/en/partner/imports/{id}");
    assert_eq!(
        get(&app, &page, Some(&bkk)).await.status,
        StatusCode::NOT_FOUND
    );
    let commit = post(&app, &format!("{page}/commit"), Some(&bkk), &[]).await;
    assert_eq!(commit.status, StatusCode::NOT_FOUND);
    let file = get(&app, &format!("{page}/files/0"), Some(&bkk)).await;
    assert_eq!(file.status, StatusCode::NOT_FOUND);
    assert!(is_sign_in_redirect(&get(&app, &page, None).await));
    // Uploading needs a partner (or an operator naming the exchange).
    let anonymous = Request::post("/en/partner/imports")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .header("sec-fetch-site", "same-origin")
        .body(Body::from(multipart(
            &[("file", "bursa.csv", &fixture("bursa.csv"))],
            &[],
        )))
        .unwrap();
    assert_eq!(send(&app, anonymous).await.status, StatusCode::UNAUTHORIZED);
    // The partner downloads its own file exactly as uploaded.
    let own = get(&app, &format!("{page}/files/0"), Some(&kl)).await;
    assert_eq!(own.status, StatusCode::OK);
    assert_eq!(own.body.as_bytes(), fixture("bursa.csv"));
}

#[tokio::test]
async fn undo_is_refused_when_a_company_changed_since() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    let session = partner(&db, &app, "desk4@bursa.example", "XKLS").await;
    let first = upload_fixture(&app, &session, "bursa.csv").await;
    commit(&app, &session, first).await;
    let csv = "Stock Code,Website\n0166,https://changed.example/\n";
    let second = batch_id(
        &upload(
            &app,
            &session,
            &[("file", "change.csv", csv.as_bytes())],
            &[],
        )
        .await,
    );
    commit(&app, &session, second).await;
    let refused = undo(&app, &session, first).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("0166"), "{}", refused.body);
    // Undoing the later batch first, then the earlier one, works.
    let undone = undo(&app, &session, second).await;
    assert_eq!(undone.status, StatusCode::SEE_OTHER);
    let undone = undo(&app, &session, first).await;
    assert_eq!(undone.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_full_list_delists_the_companies_it_leaves_out() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    let session = partner(&db, &app, "desk5@bursa.example", "XKLS").await;
    let gone = listed_symbol(&db, "XKLS").await;
    assert_eq!(
        get(&app, &format!("/en/zone/XKLS/{gone}"), None)
            .await
            .status,
        StatusCode::OK
    );
    let files = [("file", "bursa.csv", &fixture("bursa.csv")[..])];
    let id = batch_id(&upload(&app, &session, &files, &[("full_list", "on")]).await);
    let commit = commit(&app, &session, id).await;
    assert_eq!(commit.status, StatusCode::SEE_OTHER, "{}", commit.body);
    assert_eq!(
        get(&app, &format!("/en/zone/XKLS/{gone}"), None)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let directory = get(&app, "/en/zone?exchange=XKLS", None).await;
    assert!(!directory.body.contains(&format!("/en/zone/XKLS/{gone}\"")));
    // Kept, not deleted: the undo brings it back.
    undo(&app, &session, id).await;
    assert_eq!(
        get(&app, &format!("/en/zone/XKLS/{gone}"), None)
            .await
            .status,
        StatusCode::OK
    );
}

async fn api_import(app: &Site, token: Option<&str>, query: &str, body: Vec<u8>) -> Reply {
    let mut request = Request::post(format!("/api/v1/listings/import{query}"))
        .header(header::CONTENT_TYPE, "application/octet-stream");
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    send(app, request.body(Body::from(body)).unwrap()).await
}

fn json(reply: &Reply) -> serde_json::Value {
    serde_json::from_str(&reply.body).unwrap_or_else(|_| panic!("JSON: {}", reply.body))
}

#[tokio::test]
async fn the_api_imports_the_set_list_in_thai_html_and_refuses_what_it_must() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    let account = staff(&db, Role::Partner, "it@set.example", Some("XBKK")).await;
    let actor = Actor::cli();
    let token = tokens::create(&db, account, "SET back office", &actor)
        .await
        .unwrap()
        .unwrap();
    let before = digest(&db).await;

    assert_eq!(
        api_import(&app, None, "", fixture("set.html")).await.status,
        StatusCode::UNAUTHORIZED
    );
    let dry = api_import(&app, Some(&token), "?dry_run=true", fixture("set.html")).await;
    assert_eq!(dry.status, StatusCode::OK, "{}", dry.body);
    let report = json(&dry);
    assert_eq!(report["format"], "html");
    assert_eq!(report["encoding"], "windows-874");
    assert_eq!(
        (report["created"].as_u64(), report["rejected"].as_u64()),
        (Some(4), Some(0)),
        "{report}"
    );
    assert_eq!(digest(&db).await, before, "a dry run changes nothing");

    let applied = api_import(&app, Some(&token), "", fixture("set.html")).await;
    assert_eq!(applied.status, StatusCode::OK, "{}", applied.body);
    let page = get(&app, "/th/zone/XBKK/S%26J", None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("เอส แอนด์ เจ"));

    // Rows of another exchange: 403 and nothing applied.
    let applied_state = digest(&db).await;
    let bursa = api_import(&app, Some(&token), "", fixture("bursa.csv")).await;
    assert!(
        matches!(
            bursa.status,
            StatusCode::UNPROCESSABLE_ENTITY | StatusCode::FORBIDDEN
        ),
        "{}",
        bursa.body
    );
    let other = "symbol,name,market,industry,exchange\nPTTEP,PTT Exploration,SET,Energy,XKLS\n";
    let reply = api_import(&app, Some(&token), "", other.as_bytes().to_vec()).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}", reply.body);
    assert_eq!(json(&reply)["errors"][0]["code"], "other-exchange");
    // Not a listing file at all.
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    assert_eq!(
        api_import(&app, Some(&token), "", png).await.status,
        StatusCode::UNSUPPORTED_MEDIA_TYPE
    );
    assert_eq!(
        digest(&db).await,
        applied_state,
        "refused files change nothing"
    );

    let listed = send(
        &app,
        Request::get("/api/v1/listings")
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(listed.status, StatusCode::OK);
    assert!(
        json(&listed)["companies"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["symbol"] == "M-CHAI")
    );

    let id = tokens::list(&db, account).await.unwrap()[0].id;
    assert!(tokens::revoke(&db, account, id, &actor).await.unwrap());
    let revoked = api_import(&app, Some(&token), "?dry_run=true", fixture("set.html")).await;
    assert_eq!(revoked.status, StatusCode::UNAUTHORIZED);

    // A suspended partner's tokens open nothing either.
    let second = tokens::create(&db, account, "second", &actor)
        .await
        .unwrap()
        .unwrap();
    vnext::accounts::server::decide(
        &db,
        vnext::i18n::Lang::En,
        account,
        vnext::accounts::server::Decision::Suspend,
        &actor,
    )
    .await
    .unwrap();
    let suspended = api_import(&app, Some(&second), "?dry_run=true", fixture("set.html")).await;
    assert_eq!(suspended.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn json_with_nested_years_and_markup_in_text_stay_inert() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    let account = staff(&db, Role::Partner, "it@bursa.example", Some("XKLS")).await;
    let token = tokens::create(&db, account, "", &Actor::cli())
        .await
        .unwrap()
        .unwrap();
    let reply = api_import(&app, Some(&token), "", fixture("companies.json")).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let tenaga = get(&app, "/zh/zone/XKLS/5347", None).await;
    assert!(tenaga.body.contains("国家能源有限公司"));
    let reply = api_import(&app, Some(&token), "", fixture("script.csv")).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let page = get(&app, "/en/zone/XKLS/7010", None).await;
    assert_eq!(page.status, StatusCode::OK);
    // A name that closes the title and opens a script stays text, in the title too.
    assert!(!page.body.contains("<script>alert"), "text is escaped");
    assert!(
        page.body
            .contains("<title>&lt;/title&gt;&lt;script&gt;alert")
    );
}

/// The fields the edit form of a company would post as it stands, read from its HTML as a
/// browser reads them: inputs (checked boxes only), text areas and selected options.
fn form_fields(html: &str) -> Vec<(String, String)> {
    let document = scraper::Html::parse_document(html);
    let form = scraper::Selector::parse("form.company-form").unwrap();
    let controls = scraper::Selector::parse("input[name], textarea[name], select[name]").unwrap();
    let selected = scraper::Selector::parse("option[selected]").unwrap();
    let form = document.select(&form).next().expect("the edit form");
    let mut fields = Vec::new();
    for control in form.select(&controls) {
        let el = control.value();
        let name = el.attr("name").unwrap().to_owned();
        let value = match el.name() {
            "textarea" => control.text().collect::<String>(),
            "select" => control
                .select(&selected)
                .next()
                .and_then(|o| o.value().attr("value"))
                .unwrap_or_default()
                .to_owned(),
            _ if el.attr("type") == Some("checkbox") => {
                if el.attr("checked").is_none() {
                    continue;
                }
                "on".to_owned()
            }
            _ => el.attr("value").unwrap_or_default().to_owned(),
        };
        fields.push((name, value));
    }
    fields
}

async fn post_fields(
    app: &Site,
    uri: &str,
    session: Option<&str>,
    fields: &[(String, String)],
) -> Reply {
    let borrowed: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    post(app, uri, session, &borrowed).await
}

fn with(fields: &[(String, String)], name: &str, value: &str) -> Vec<(String, String)> {
    let mut fields = fields.to_vec();
    match fields.iter_mut().find(|(n, _)| n == name) {
        Some(field) => field.1 = value.to_owned(),
        None => fields.push((name.to_owned(), value.to_owned())),
    }
    fields
}

#[tokio::test]
async fn a_partner_edits_delists_and_relists_its_own_company_only() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    let kl = partner(&db, &app, "editor@bursa.example", "XKLS").await;
    let bkk = partner(&db, &app, "editor@set.example", "XBKK").await;
    let symbol = listed_symbol(&db, "XKLS").await;
    let page = format!("/en/partner/companies/{symbol}");

    let list = get(&app, "/en/partner/companies", Some(&kl)).await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains(&page), "the list links to the editor");
    let form = get(&app, &page, Some(&kl)).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    let fields = form_fields(&form.body);
    assert!(
        fields.iter().any(|(n, _)| n == "name.th"),
        "texts in four languages: {fields:?}"
    );

    // A bad value is explained and nothing is stored.
    let before = digest(&db).await;
    let bad = with(&fields, "website", "javascript:alert(1)");
    let refused = post_fields(&app, &page, Some(&kl), &bad).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("is not a web address"),
        "{}",
        refused.body
    );
    assert_eq!(digest(&db).await, before);

    // The form posted back as it stands is saved (the website comes back normalised); an edit
    // made on the form as it is now shows in the zone.
    let same = post_fields(&app, &page, Some(&kl), &fields).await;
    assert_eq!(same.status, StatusCode::SEE_OTHER, "{}", same.body);
    let fields = form_fields(&get(&app, &page, Some(&kl)).await.body);
    let edited = with(&fields, "name.th", "บริษัท ทดสอบการแก้ไข จำกัด");
    let saved = post_fields(&app, &page, Some(&kl), &edited).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let zone = get(&app, &format!("/th/zone/XKLS/{symbol}"), None).await;
    assert!(zone.body.contains("บริษัท ทดสอบการแก้ไข จำกัด"));
    // The search index follows the edit, on both databases.
    let found = get(&app, "/th/zone?q=%E0%B8%97%E0%B8%94%E0%B8%AA%E0%B8%AD%E0%B8%9A%E0%B8%81%E0%B8%B2%E0%B8%A3%E0%B9%81%E0%B8%81%E0%B9%89%E0%B9%84%E0%B8%82", None).await;
    assert!(
        found.body.contains(&format!("/th/zone/XKLS/{symbol}")),
        "search finds the edit"
    );

    // A form opened before that edit would overwrite it: refused, nothing written.
    let stale = with(&fields, "sector", "Overwritten");
    let before = digest(&db).await;
    let refused = post_fields(&app, &page, Some(&kl), &stale).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("Someone changed this company"),
        "{}",
        refused.body
    );
    assert_eq!(digest(&db).await, before);

    // Another exchange's partner finds nothing there; others may not look.
    assert_eq!(
        get(&app, &page, Some(&bkk)).await.status,
        StatusCode::NOT_FOUND
    );
    let theirs = post_fields(&app, &page, Some(&bkk), &edited).await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND);
    assert_eq!(
        post_fields(&app, &page, None, &edited).await.status,
        StatusCode::UNAUTHORIZED
    );

    let delisted = post(&app, &format!("{page}/delist"), Some(&kl), &[]).await;
    assert_eq!(delisted.status, StatusCode::SEE_OTHER, "{}", delisted.body);
    assert_eq!(
        get(&app, &format!("/en/zone/XKLS/{symbol}"), None)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&app, &page, Some(&kl)).await.status,
        StatusCode::OK,
        "still editable"
    );
    let relisted = post(&app, &format!("{page}/relist"), Some(&kl), &[]).await;
    assert_eq!(relisted.status, StatusCode::SEE_OTHER);
    assert_eq!(
        get(&app, &format!("/en/zone/XKLS/{symbol}"), None)
            .await
            .status,
        StatusCode::OK
    );
}

/// A dry run of `file` by a new partner of `mic`: the status and the report.
async fn dry_run(
    db: &DatabaseConnection,
    app: &Site,
    mic: &str,
    file: Vec<u8>,
) -> (StatusCode, serde_json::Value) {
    let email = format!("fixtures-{}@{}.example", mic.to_lowercase(), file.len());
    let account = staff(db, Role::Partner, &email, Some(mic)).await;
    let token = tokens::create(db, account, "fixtures", &Actor::cli())
        .await
        .unwrap()
        .unwrap();
    let reply = api_import(app, Some(&token), "?dry_run=true", file).await;
    (reply.status, json(&reply))
}

#[tokio::test]
async fn each_fixture_reads_in_its_format_encoding_and_conventions() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    let before = digest(&db).await;

    // Chinese headers, GBK, a Chinese date and market.
    let (status, report) = dry_run(&db, &app, "XHKG", fixture("hkex-gbk.csv")).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(
        (report["encoding"].as_str(), report["created"].as_u64()),
        (Some("GBK"), Some(2)),
        "{report}"
    );

    // Malay headers, UTF-16 with a byte-order mark, tabs, 1.234,5 numbers, (negatives), Mac.
    let (status, report) = dry_run(&db, &app, "XKLS", fixture("bursa-utf16.tsv")).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(
        (report["encoding"].as_str(), report["created"].as_u64()),
        (Some("UTF-16LE"), Some(1)),
        "{report}"
    );

    // An XLSX of two sheets, a date as an Excel serial, a Buddhist-era fiscal year, and an
    // industry nobody knows: refused, with the row and column named.
    let (status, report) = dry_run(&db, &app, "XBKK", fixture("set.xlsx")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{report}");
    assert_eq!(report["format"], "xlsx");
    let error = &report["errors"][0];
    assert_eq!(
        (
            error["row"].as_u64(),
            error["column"].as_str(),
            error["code"].as_str()
        ),
        (Some(3), Some("Industry"), Some("industry")),
        "{report}"
    );

    // A zip bomb is refused before anything inflates it.
    let started = std::time::Instant::now();
    let (status, report) = dry_run(&db, &app, "XBKK", fixture("bomb.xlsx")).await;
    assert_eq!(
        (status, report["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("zip-bomb")),
        "{report}"
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(2));

    // One row over the limit.
    let mut big = String::from("symbol,name,market,industry\n");
    for i in 0..20_001 {
        big.push_str(&format!("B{i},Company {i},SET,Energy\n"));
    }
    let (status, report) = dry_run(&db, &app, "XBKK", big.into_bytes()).await;
    assert_eq!(
        (status, report["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("too-many-rows")),
        "{report}"
    );

    assert_eq!(
        digest(&db).await,
        before,
        "refusals and dry runs change nothing"
    );
}

#[tokio::test]
async fn a_symbol_on_every_row_costs_one_short_message_a_row() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    let mut file = String::from("symbol,name\n");
    for _ in 0..20_000 {
        file.push_str("PTT,x\n");
    }
    let (status, report) = dry_run(&db, &app, "XBKK", file.into_bytes()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let errors = report["errors"].as_array().unwrap();
    assert_eq!(
        (errors.len(), report["rejected"].as_u64()),
        (1_000, Some(20_000))
    );
    let longest = errors
        .iter()
        .map(|e| e["message"].as_str().unwrap().len())
        .max()
        .unwrap();
    assert!(
        longest < 300,
        "a message lists a few rows, not all: {longest} bytes"
    );
}

#[tokio::test]
async fn a_commit_plans_the_file_again_against_the_exchange_as_it_is_then() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    let session = partner(&db, &app, "desk6@bursa.example", "XKLS").await;
    let symbol = listed_symbol(&db, "XKLS").await;
    let first = format!("Stock Code,Website\n{symbol},https://first.example/\n");
    let second = format!("Stock Code,Website\n{symbol},https://second.example/\n");
    let a = batch_id(&upload(&app, &session, &[("file", "a.csv", first.as_bytes())], &[]).await);
    let b = batch_id(&upload(&app, &session, &[("file", "b.csv", second.as_bytes())], &[]).await);
    // Both previews were made against the same state; each commit plans its file again, against
    // the exchange as it is when it commits (and refuses if that changes while it writes).
    let committed = commit(&app, &session, b).await;
    assert_eq!(committed.status, StatusCode::SEE_OTHER);
    let before = digest(&db).await;
    let stale = commit(&app, &session, a).await;
    assert_eq!(stale.status, StatusCode::SEE_OTHER, "{}", stale.body);
    assert_ne!(digest(&db).await, before);
    let website = company::Entity::find()
        .filter(company::Column::Symbol.eq(symbol.as_str()))
        .one(&db)
        .await
        .unwrap()
        .unwrap()
        .website;
    assert_eq!(website.as_deref(), Some("https://first.example/"));
}
