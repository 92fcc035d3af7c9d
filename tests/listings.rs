#![cfg(feature = "ssr")]
//! Partner imports end to end over HTTP: upload, preview, commit, undo, the API with its tokens,
//! and refused files that change nothing. Runs on SQLite, and on PostgreSQL when
//! `VNEXT_TEST_DATABASE_URL` is set.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use chrono::NaiveDate;
use common::web::*;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Select,
};
use sha2::{Digest, Sha256};
use vnext::accounts::Role;
use vnext::listings::entity::{api_token, batch};
use vnext::listings::tokens;
use vnext::platform::audit::Actor;
use vnext::serve::Site;
use vnext::zone::entity::{company, company_text, cooperation_intent, financial_year};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/fixtures/listings/{name}")).expect("fixture")
}

/// A digest of every row a listing import can touch, each in full (every column, timestamps
/// included: its `Debug` form lists them all, and any column added later): companies,
/// company_texts, cooperation_intents and financial_years. Equal digests, nothing changed.
async fn digest(db: &DatabaseConnection) -> String {
    let mut hasher = Sha256::new();
    let companies = company::Entity::find().order_by_asc(company::Column::Id);
    hash_rows(db, companies, &mut hasher).await;
    let texts = company_text::Entity::find()
        .order_by_asc(company_text::Column::CompanyId)
        .order_by_asc(company_text::Column::Lang);
    hash_rows(db, texts, &mut hasher).await;
    let intents = cooperation_intent::Entity::find().order_by_asc(cooperation_intent::Column::Id);
    hash_rows(db, intents, &mut hasher).await;
    let years = financial_year::Entity::find()
        .order_by_asc(financial_year::Column::CompanyId)
        .order_by_asc(financial_year::Column::FiscalYear);
    hash_rows(db, years, &mut hasher).await;
    hex::encode(hasher.finalize())
}

/// Every row `select` finds, whole, into `hasher`.
async fn hash_rows<E: EntityTrait>(db: &DatabaseConnection, select: Select<E>, hasher: &mut Sha256)
where
    E::Model: std::fmt::Debug,
{
    for row in select.all(db).await.unwrap() {
        hasher.update(format!("{row:?}"));
    }
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

/// The batch of `bytes` uploaded as the companies' file named `name`.
async fn upload_bytes(app: &Site, session: &str, name: &str, bytes: &[u8]) -> i32 {
    batch_id(&upload(app, session, &[("file", name, bytes)], &[]).await)
}

/// The batch of one fixture uploaded as the companies' file.
async fn upload_fixture(app: &Site, session: &str, name: &str) -> i32 {
    upload_bytes(app, session, name, &fixture(name)).await
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

/// A fresh database with its site, and a partner of `mic` signed in there.
async fn desk(email: &str, mic: &str) -> (DatabaseConnection, Site, String) {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    let session = partner(&db, &app, email, mic).await;
    (db, app, session)
}

async fn partner(db: &DatabaseConnection, app: &Site, email: &str, mic: &str) -> String {
    staff(db, Role::Partner, email, Some(mic)).await;
    sign_in(app, email, PASSWORD).await
}

/// Uploads fixture `name` through the workspace, checks that its preview says `counts`, and
/// commits it; the batch.
async fn commit_fixture(app: &Site, session: &str, name: &str, counts: &str) -> i32 {
    let id = upload_fixture(app, session, name).await;
    let page = preview(app, session, id).await;
    assert!(page.body.contains(counts), "{name}: {}", page.body);
    let committed = commit(app, session, id).await;
    assert_eq!(
        committed.status,
        StatusCode::SEE_OTHER,
        "{}",
        committed.body
    );
    id
}

/// The encoding chosen in batch `id`'s preview, as its decisions form posts it.
async fn choose_encoding(app: &Site, session: &str, id: i32, encoding: &str) -> Reply {
    let uri = format!("/en/partner/imports/{id}/decide");
    post(app, &uri, Some(session), &[("encoding", encoding)]).await
}

/// A company's financial years, oldest first.
async fn years_of(db: &DatabaseConnection, company_id: i32) -> Vec<financial_year::Model> {
    financial_year::Entity::find()
        .filter(financial_year::Column::CompanyId.eq(company_id))
        .order_by_asc(financial_year::Column::FiscalYear)
        .all(db)
        .await
        .unwrap()
}

/// A company's texts, by language.
async fn texts_of(db: &DatabaseConnection, company_id: i32) -> Vec<company_text::Model> {
    company_text::Entity::find()
        .filter(company_text::Column::CompanyId.eq(company_id))
        .order_by_asc(company_text::Column::Lang)
        .all(db)
        .await
        .unwrap()
}

/// A company's name in `lang`, if it has one.
async fn name_in(db: &DatabaseConnection, company_id: i32, lang: &str) -> Option<String> {
    texts_of(db, company_id)
        .await
        .into_iter()
        .find(|t| t.lang == lang)
        .and_then(|t| t.name)
}

#[tokio::test]
async fn a_partner_uploads_previews_commits_and_undoes_a_bursa_file() {
    let (db, app, session) = desk("desk@bursa.example", "XKLS").await;
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
    common::assert_facets_current(&db).await;
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
    common::assert_facets_current(&db).await;
}

/// The upload's island asks for the reading's progress: lines `checked rows` while the server
/// reads and checks the file, then the preview's path; the history already has the counts.
#[tokio::test]
async fn the_upload_island_follows_the_reading_and_is_sent_to_the_preview() {
    let (db, app, session) = desk("desk@bursa.example", "XKLS").await;
    let before = digest(&db).await;
    let request = Request::post("/en/partner/imports")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .header(header::ACCEPT, "text/x-vnext-progress")
        .header("sec-fetch-site", "same-origin")
        .header(header::COOKIE, format!("{COOKIE}={session}"))
        .body(Body::from(multipart(
            &[("file", "bursa.csv", &fixture("bursa.csv"))],
            &[],
        )))
        .unwrap();
    let reply = send(&app, request).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(reply.headers[header::CONTENT_TYPE], "text/x-vnext-progress");
    let lines: Vec<&str> = reply.body.lines().collect();
    let (last, progress) = lines.split_last().expect("lines");
    assert!(last.starts_with("/en/partner/imports/"), "{}", reply.body);
    assert_eq!(
        progress.last(),
        Some(&"3 3"),
        "every row checked: {}",
        reply.body
    );
    for line in progress {
        let (checked, rows) = line.split_once(' ').expect("`checked rows`");
        let (checked, rows): (usize, usize) = (checked.parse().unwrap(), rows.parse().unwrap());
        assert!(checked <= rows || rows == 0, "{line}");
    }
    let id: i32 = last.rsplit('/').next().unwrap().parse().unwrap();
    let batch = vnext::listings::entity::batch::Entity::find_by_id(id)
        .one(&db)
        .await
        .unwrap()
        .expect("the batch");
    // Recorded by the reading behind the lines, before the preview is ever shown.
    assert_eq!(
        (batch.total, batch.created, batch.format.as_str()),
        (3, 3, "csv")
    );
    assert_eq!(digest(&db).await, before);
    let preview = preview(&app, &session, id).await;
    assert!(preview.body.contains("3 rows: 3 new"), "{}", preview.body);
}

#[tokio::test]
async fn financial_years_come_in_a_second_file_and_an_update_shows_old_and_new() {
    let (db, app, session) = desk("desk2@bursa.example", "XKLS").await;
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
    let inari = stored(&db, "XKLS", "0166").await;
    let years = years_of(&db, inari.id).await;
    assert_eq!(years.len(), 2);
    assert_eq!(
        (years[1].revenue, years[1].net_profit),
        (1_601_900, -12_500),
        "thousands and (negatives)"
    );

    // An update: the website of an existing company, shown old → new before commit.
    let symbol = listed_symbol(&db, "XKLS").await;
    let csv = format!("Stock Code,Website\n{symbol},https://new.example.com/\n");
    let id = upload_bytes(&app, &session, "update.csv", csv.as_bytes()).await;
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
    let (db, app, session) = desk("desk3@bursa.example", "XKLS").await;
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
    let (db, app, kl) = desk("kl@bursa.example", "XKLS").await;
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
    let (_, app, session) = desk("desk4@bursa.example", "XKLS").await;
    let first = upload_fixture(&app, &session, "bursa.csv").await;
    commit(&app, &session, first).await;
    let csv = "Stock Code,Website\n0166,https://changed.example/\n";
    let second = upload_bytes(&app, &session, "change.csv", csv.as_bytes()).await;
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
async fn undoing_an_update_restores_the_old_website_and_name_exactly() {
    let (db, app, session) = desk("desk7@bursa.example", "XKLS").await;
    let symbol = listed_symbol(&db, "XKLS").await;
    let before = stored(&db, "XKLS", &symbol).await;
    let texts = texts_of(&db, before.id).await;
    let csv = format!(
        "Stock Code,Company Name,Website\n{symbol},Renamed Berhad,https://renamed.example/\n"
    );
    let files = [("file", "rename.csv", csv.as_bytes())];
    let id = batch_id(&upload(&app, &session, &files, &[]).await);
    let committed = commit(&app, &session, id).await;
    assert_eq!(
        committed.status,
        StatusCode::SEE_OTHER,
        "{}",
        committed.body
    );
    let changed = stored(&db, "XKLS", &symbol).await;
    assert_eq!(changed.website.as_deref(), Some("https://renamed.example/"));
    assert_eq!(
        name_in(&db, before.id, "en").await.as_deref(),
        Some("Renamed Berhad")
    );

    let undone = undo(&app, &session, id).await;
    assert_eq!(undone.status, StatusCode::SEE_OTHER, "{}", undone.body);
    let restored = stored(&db, "XKLS", &symbol).await;
    assert_eq!(restored.website, before.website, "the old website, exactly");
    // Every other column as it was too (the time of the last change aside).
    let restored = company::Model {
        updated_at: before.updated_at,
        ..restored
    };
    assert_eq!(restored, before);
    assert_eq!(
        texts_of(&db, before.id).await,
        texts,
        "the old name, exactly"
    );
}

#[tokio::test]
async fn a_full_list_delists_the_companies_it_leaves_out() {
    let (db, app, session) = desk("desk5@bursa.example", "XKLS").await;
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
    common::assert_facets_current(&db).await;
    // Kept, not deleted: the undo brings it back.
    undo(&app, &session, id).await;
    common::assert_facets_current(&db).await;
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

/// `GET uri` with `token` as the bearer.
async fn api_get(app: &Site, token: &str, uri: &str) -> Reply {
    let request = Request::get(uri)
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .body(Body::empty())
        .unwrap();
    send(app, request).await
}

fn json(reply: &Reply) -> serde_json::Value {
    serde_json::from_str(&reply.body).unwrap_or_else(|_| panic!("JSON: {}", reply.body))
}

/// A new partner of `mic` and an API token of its own: (account, token).
/// A fresh database with its site, and an API token of a partner of `mic`.
async fn api_desk(email: &str, mic: &str) -> (DatabaseConnection, Site, String) {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    let (_, token) = partner_token(&db, email, mic).await;
    (db, app, token)
}

async fn partner_token(db: &DatabaseConnection, email: &str, mic: &str) -> (i32, String) {
    let account = staff(db, Role::Partner, email, Some(mic)).await;
    let token = tokens::create(db, account, "tests", &Actor::cli())
        .await
        .unwrap()
        .unwrap();
    (account, token)
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

    let listed = api_get(&app, &token, "/api/v1/listings").await;
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
    let (_, app, token) = api_desk("it@bursa.example", "XKLS").await;
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
    let (db, app, kl) = desk("editor@bursa.example", "XKLS").await;
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
    common::assert_facets_current(&db).await;
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
    let (_, token) = partner_token(db, &email, mic).await;
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
    let (db, app, session) = desk("desk6@bursa.example", "XKLS").await;
    let symbol = listed_symbol(&db, "XKLS").await;
    let first = format!("Stock Code,Website\n{symbol},https://first.example/\n");
    let second = format!("Stock Code,Website\n{symbol},https://second.example/\n");
    let a = upload_bytes(&app, &session, "a.csv", first.as_bytes()).await;
    let b = upload_bytes(&app, &session, "b.csv", second.as_bytes()).await;
    // Both previews were made against the same state; each commit plans its file again, against
    // the exchange as it is when it commits (and refuses if that changes while it writes).
    let committed = commit(&app, &session, b).await;
    assert_eq!(committed.status, StatusCode::SEE_OTHER);
    let before = digest(&db).await;
    let stale = commit(&app, &session, a).await;
    assert_eq!(stale.status, StatusCode::SEE_OTHER, "{}", stale.body);
    assert_ne!(digest(&db).await, before);
    let website = stored(&db, "XKLS", &symbol).await.website;
    assert_eq!(website.as_deref(), Some("https://first.example/"));
}

#[tokio::test]
async fn the_digest_sees_a_change_to_any_column_an_import_writes() {
    let db = common::database(true).await;
    let mut last = digest(&db).await;
    let first = "(SELECT min(id) FROM companies)";
    for sql in [
        format!("UPDATE companies SET industry = 'changed' WHERE id = {first}"),
        format!("UPDATE companies SET sector = 'changed' WHERE id = {first}"),
        format!("UPDATE companies SET country = 'SG' WHERE id = {first}"),
        format!("UPDATE companies SET local_lang = 'zh' WHERE id = {first}"),
        format!("UPDATE companies SET listing_date = '1999-01-01' WHERE id = {first}"),
        format!("UPDATE companies SET green = NOT green WHERE id = {first}"),
        format!("UPDATE companies SET market = 'bursa-ace' WHERE id = {first}"),
        format!("UPDATE companies SET website = 'https://changed.example/' WHERE id = {first}"),
        format!("UPDATE companies SET delisted_at = created_at WHERE id = {first}"),
        format!("UPDATE companies SET exchange_mic = 'XBKK' WHERE id = {first}"),
        "UPDATE company_texts SET advantages = 'changed' \
         WHERE company_id = (SELECT min(company_id) FROM company_texts)"
            .into(),
        "UPDATE cooperation_intents SET target_region = 'ZZ' \
         WHERE id = (SELECT min(id) FROM cooperation_intents)"
            .into(),
        "UPDATE financial_years SET eps = 12.5 \
         WHERE company_id = (SELECT min(company_id) FROM financial_years)"
            .into(),
    ] {
        db.execute_unprepared(&sql).await.unwrap();
        let now = digest(&db).await;
        assert_ne!(now, last, "the digest misses: {sql}");
        last = now;
    }
}

/// What `bursa.xlsx` stores, through the web or the API: the Excel date cell, the text code
/// with its leading zero, and the Buddhist-era fiscal year 2567 as 2024.
async fn assert_bursa_xlsx_stored(db: &DatabaseConnection) {
    let inari = stored(db, "XKLS", "0166").await;
    assert_eq!(inari.listing_date, NaiveDate::from_ymd_opt(2011, 7, 15));
    assert_eq!(
        (inari.market.as_str(), inari.industry.as_str()),
        ("bursa-main", "technology")
    );
    assert_eq!(inari.sector, "Semiconductors");
    let name = name_in(db, inari.id, "en").await;
    assert_eq!(name.as_deref(), Some("Inari Amertron Berhad"));
    let years: Vec<_> = years_of(db, inari.id)
        .await
        .into_iter()
        .map(|y| {
            (
                y.fiscal_year,
                y.currency,
                y.unit,
                y.revenue,
                y.net_profit,
                y.eps,
            )
        })
        .collect();
    assert_eq!(
        years,
        [(2024, "MYR".to_owned(), 1000, 1_563_000, 301_400, Some(0.08))],
        "2567 is 2024"
    );
    let ihh = stored(db, "XKLS", "5225").await;
    assert_eq!(ihh.listing_date, NaiveDate::from_ymd_opt(2012, 7, 25));
    let years: Vec<_> = years_of(db, ihh.id)
        .await
        .into_iter()
        .map(|y| (y.fiscal_year, y.total_assets, y.total_equity))
        .collect();
    assert_eq!(years, [(2024, 60_100_300, 35_200_400)]);
}

#[tokio::test]
async fn a_partner_uploads_an_xlsx_of_two_sheets_and_commits_it() {
    let (db, app, session) = desk("sheets@bursa.example", "XKLS").await;
    let counts = "rows: 2 new, 0 updated, 0 unchanged, 0 delisted, 0 rejected";
    commit_fixture(&app, &session, "bursa.xlsx", counts).await;
    assert_bursa_xlsx_stored(&db).await;
    let page = get(&app, "/en/zone/XKLS/0166", None).await;
    assert_eq!(page.status, StatusCode::OK);
}

#[tokio::test]
async fn the_api_imports_an_xlsx_of_two_sheets() {
    let (db, app, token) = api_desk("sheets-api@bursa.example", "XKLS").await;
    let reply = api_import(&app, Some(&token), "", fixture("bursa.xlsx")).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let report = json(&reply);
    assert_eq!(
        (
            report["format"].as_str(),
            report["encoding"].as_str(),
            report["created"].as_u64(),
            report["rejected"].as_u64()
        ),
        (Some("xlsx"), None, Some(2), Some(0)),
        "{report}"
    );
    assert_bursa_xlsx_stored(&db).await;
}

#[tokio::test]
async fn a_partner_uploads_the_set_list_in_thai_html_and_commits_it() {
    let (db, app, session) = desk("desk@set.example", "XBKK").await;
    let id = commit_fixture(&app, &session, "set.html", "4 rows: 4 new, 0 updated").await;
    let page = preview(&app, &session, id).await;
    assert!(page.body.contains("html · windows-874"), "{}", page.body);
    let ptt = stored(&db, "XBKK", "PTT").await;
    assert_eq!(
        (
            ptt.market.as_str(),
            ptt.industry.as_str(),
            ptt.sector.as_str(),
            ptt.country.as_str(),
            ptt.website.as_deref()
        ),
        (
            "set",
            "energy",
            "พลังงานและสาธารณูปโภค",
            "TH",
            Some("https://www.pttplc.com/")
        )
    );
    let sj = stored(&db, "XBKK", "S&J").await;
    assert_eq!(sj.website, None, "“-” is an empty cell");
    assert_eq!(
        name_in(&db, sj.id, "th").await.as_deref(),
        Some("บริษัท เอส แอนด์ เจ อินเตอร์เนชั่นแนล เอ็นเตอร์ไพรส์ จำกัด (มหาชน)")
    );
    assert_eq!(stored(&db, "XBKK", "M-CHAI").await.market, "mai");
}

#[tokio::test]
async fn a_partner_uploads_json_with_nested_financial_years_and_commits_it() {
    let (db, app, session) = desk("json@bursa.example", "XKLS").await;
    let counts = "rows: 1 new, 0 updated, 0 unchanged, 0 delisted, 0 rejected";
    commit_fixture(&app, &session, "companies.json", counts).await;
    let tenaga = stored(&db, "XKLS", "5347").await;
    assert_eq!(
        (tenaga.listing_date, tenaga.green, tenaga.industry.as_str()),
        (NaiveDate::from_ymd_opt(1992, 5, 28), true, "utilities")
    );
    let name = name_in(&db, tenaga.id, "zh").await;
    assert_eq!(name.as_deref(), Some("国家能源有限公司"));
    let years: Vec<_> = years_of(&db, tenaga.id)
        .await
        .into_iter()
        .map(|y| {
            let amounts = (y.revenue, y.net_profit, y.total_assets, y.total_equity);
            (y.fiscal_year, y.currency, y.unit, amounts, y.eps)
        })
        .collect();
    assert_eq!(
        years,
        [
            (
                2024,
                "MYR".to_owned(),
                1_000_000,
                (55_000, 4_300, 210_000, 72_000),
                Some(0.74)
            ),
            (
                2025,
                "MYR".to_owned(),
                1_000_000,
                (57_100, -1_200, 215_000, 70_500),
                None
            ),
        ]
    );
    let mut intents: Vec<String> = cooperation_intent::Entity::find()
        .filter(cooperation_intent::Column::CompanyId.eq(tenaga.id))
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|i| i.kind)
        .collect();
    intents.sort();
    assert_eq!(intents, ["green-energy", "investment"]);
}

#[tokio::test]
async fn the_api_refuses_a_file_over_the_size_limit_and_stores_nothing() {
    let (db, app, token) = api_desk("big@bursa.example", "XKLS").await;
    let limit = vnext::listings::read::limits().max_bytes;
    assert_eq!(limit, 10 * 1024 * 1024, "the default limit");
    let before = (
        digest(&db).await,
        batch::Entity::find().count(&db).await.unwrap(),
    );
    let mut file = b"Stock Code,Company Name\n".to_vec();
    file.resize(limit + 1, b'x');
    let reply = api_import(&app, Some(&token), "", file).await;
    assert_eq!(
        reply.status,
        StatusCode::PAYLOAD_TOO_LARGE,
        "{}",
        reply.body
    );
    assert_eq!(json(&reply)["code"], "too-large");
    let after = (
        digest(&db).await,
        batch::Entity::find().count(&db).await.unwrap(),
    );
    assert_eq!(after, before, "not even a batch is kept");
}

#[tokio::test]
async fn a_token_lists_its_own_exchange_only() {
    let (_, app, token) = api_desk("own@bursa.example", "XKLS").await;
    let other = api_get(&app, &token, "/api/v1/listings?exchange=XBKK").await;
    assert_eq!(other.status, StatusCode::FORBIDDEN, "{}", other.body);
    assert_eq!(json(&other)["code"], "other-exchange");
    let own = api_get(&app, &token, "/api/v1/listings?exchange=XKLS").await;
    assert_eq!(own.status, StatusCode::OK);
    assert_eq!(json(&own)["exchange"], "XKLS");
}

#[tokio::test]
async fn the_api_lists_by_pages_of_200_and_records_the_tokens_last_use() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    let (account, token) = partner_token(&db, "pages@bursa.example", "XKLS").await;
    assert_eq!(
        tokens::list(&db, account).await.unwrap()[0].last_used_at,
        None
    );
    let mut csv = String::from("Stock Code,Company Name,Market,Industry\n");
    for i in 0..210 {
        let symbol = 6000 + i;
        csv.push_str(&format!(
            "{symbol},Paged {i} Berhad,Main Market,Technology\n"
        ));
    }
    let reply = api_import(&app, Some(&token), "", csv.into_bytes()).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(json(&reply)["created"].as_u64(), Some(210));
    let used = api_token::Entity::find()
        .filter(api_token::Column::AccountId.eq(account))
        .one(&db)
        .await
        .unwrap()
        .unwrap()
        .last_used_at
        .expect("the call is recorded");
    assert!(chrono::Utc::now() - used < chrono::Duration::minutes(1));
    assert!(
        tokens::list(&db, account).await.unwrap()[0]
            .last_used_at
            .is_some()
    );

    let total = company::Entity::find()
        .filter(company::Column::ExchangeMic.eq("XKLS"))
        .count(&db)
        .await
        .unwrap();
    let symbols = |page: &serde_json::Value| -> Vec<String> {
        let companies = page["companies"].as_array().expect("companies");
        companies
            .iter()
            .map(|c| c["symbol"].as_str().unwrap().to_owned())
            .collect()
    };
    let first = json(&api_get(&app, &token, "/api/v1/listings").await);
    assert_eq!(
        (
            first["page"].as_u64(),
            first["pages"].as_u64(),
            first["total"].as_u64()
        ),
        (Some(1), Some(total.div_ceil(200)), Some(total)),
        "{first}"
    );
    assert_eq!(first["pages"].as_u64(), Some(2));
    let second = json(&api_get(&app, &token, "/api/v1/listings?page=2").await);
    assert_eq!(second["page"].as_u64(), Some(2));
    let (one, two) = (symbols(&first), symbols(&second));
    assert_eq!((one.len() as u64, two.len() as u64), (200, total - 200));
    let all = [one, two].concat();
    assert!(all.windows(2).all(|w| w[0] < w[1]), "by symbol, none twice");
    // A page past the end is the last one.
    let past = json(&api_get(&app, &token, "/api/v1/listings?page=99").await);
    assert_eq!(symbols(&past), symbols(&second));
}

/// `vnext admin create-token`, run as an operator would, on a scratch SQLite file: it prints
/// the token alone, stores only its digest, and the token opens the API.
#[tokio::test]
async fn a_token_made_by_vnext_admin_create_token_opens_the_api() {
    use crate::common::cli::{admin, scratch_sqlite};
    let url = scratch_sqlite("cli-token");
    let email = "systems@bursa.example";
    let password = format!("{PASSWORD}\n");
    let made = admin(
        &url,
        &[
            "create-partner",
            "--exchange",
            "XKLS",
            "--email",
            email,
            "--password-stdin",
        ],
        &password,
    );
    assert!(made.ok, "{}", made.text());
    let run = admin(
        &url,
        &[
            "create-token",
            "--partner-email",
            email,
            "--name",
            "Back office",
        ],
        "",
    );
    assert!(run.ok, "{}", run.text());
    let token = run.stdout.trim();
    assert!(
        token.starts_with("vnx_") && !token.contains(char::is_whitespace),
        "the token alone on stdout: {:?}",
        run.stdout
    );
    let db = vnext::db::connect(&url).await.unwrap();
    let row = api_token::Entity::find().one(&db).await.unwrap().unwrap();
    assert_eq!(row.name, "Back office");
    assert_eq!(row.token_hash, vnext::platform::tokens::digest(token));

    let app = app_on(db.clone());
    let reply = api_import(&app, Some(token), "?dry_run=true", fixture("bursa.csv")).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(json(&reply)["created"].as_u64(), Some(3));

    let refused = admin(
        &url,
        &["create-token", "--partner-email", "nobody@bursa.example"],
        "",
    );
    assert!(
        !refused.ok && refused.stdout.is_empty(),
        "{}",
        refused.text()
    );
}

#[tokio::test]
async fn the_partner_overrides_the_detected_encoding_in_the_preview() {
    let (db, app, session) = desk("desk@hkex.example", "XHKG").await;
    let before = digest(&db).await;
    let id = upload_fixture(&app, &session, "hkex-gbk.csv").await;
    let detected = preview(&app, &session, id).await;
    assert!(detected.body.contains("csv · GBK"), "{}", detected.body);
    assert!(detected.body.contains("腾讯控股有限公司"));

    // Read as UTF-8, the GBK bytes are refused where the first bad one is.
    let chosen = choose_encoding(&app, &session, id, "UTF-8").await;
    assert_eq!(chosen.status, StatusCode::SEE_OTHER, "{}", chosen.body);
    let wrong = preview(&app, &session, id).await;
    assert!(
        wrong
            .body
            .contains("the file is not valid UTF-8: bad byte at offset 4"),
        "{}",
        wrong.body
    );
    assert!(!wrong.body.contains("腾讯控股有限公司"));
    let refused = commit(&app, &session, id).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(digest(&db).await, before);

    // GBK chosen, it reads again, and commits.
    choose_encoding(&app, &session, id, "GBK").await;
    let right = preview(&app, &session, id).await;
    assert!(
        right.body.contains("2 rows: 2 new, 0 updated"),
        "{}",
        right.body
    );
    let committed = commit(&app, &session, id).await;
    assert_eq!(
        committed.status,
        StatusCode::SEE_OTHER,
        "{}",
        committed.body
    );
    let tencent = stored(&db, "XHKG", "00700").await;
    let name = name_in(&db, tencent.id, "zh").await;
    assert_eq!(name.as_deref(), Some("腾讯控股有限公司"));
    let kept = batch::Entity::find_by_id(id)
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(kept.encoding.as_deref(), Some("GBK"));
}

/// An investor relations e-mail column is checked like any cell (a `mailto:` that would add a
/// hidden copy is refused) and kept; anonymous visitors see it nowhere, neither on the company's
/// page nor in the export.
#[tokio::test]
async fn an_investor_relations_email_is_checked_stored_and_kept_from_anonymous_visitors() {
    let (db, app, session) = desk("desk@bursa.example", "XKLS").await;
    let before = digest(&db).await;
    let sneaky = "Stock Code,Company Name,Market,Industry,E-mel\n\
        0166,Inari Amertron Berhad,Main Market,Technology,ir?bcc=spy%40evil.example&x=@inari.com.my\n";
    let id = upload_bytes(&app, &session, "ir.csv", sneaky.as_bytes()).await;
    let page = preview(&app, &session, id).await;
    assert!(
        page.body.contains("is not an e-mail address"),
        "{}",
        page.body
    );
    let refused = commit(&app, &session, id).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(digest(&db).await, before, "a refused file changes nothing");

    let good = "Stock Code,Company Name,Market,Industry,E-mel\n\
        0166,Inari Amertron Berhad,Main Market,Technology,IR@Inari.COM.my\n";
    let id = upload_bytes(&app, &session, "ir.csv", good.as_bytes()).await;
    let page = preview(&app, &session, id).await;
    assert!(page.body.contains("1 rows: 1 new"), "{}", page.body);
    commit(&app, &session, id).await;
    let stored = stored(&db, "XKLS", "0166").await;
    assert_eq!(stored.contact_email.as_deref(), Some("IR@inari.com.my"));

    let anonymous = get(&app, "/en/zone/XKLS/0166", None).await;
    assert_eq!(anonymous.status, StatusCode::OK);
    assert!(anonymous.body.contains("Inari Amertron Berhad"));
    assert!(!anonymous.body.contains("IR@inari.com.my"));
    let export = get(&app, "/en/zone/export.csv?exchange=XKLS", None).await;
    assert_eq!(export.status, StatusCode::OK);
    assert!(export.body.contains("0166") && !export.body.contains("IR@inari.com.my"));
    // The exchange's own partner sees it beside the liaison desk.
    let own = get(&app, "/en/zone/XKLS/0166", Some(&session)).await;
    assert!(own.body.contains("mailto:IR@inari.com.my"), "{}", own.body);
}

/// A control character in a text (a NUL, which PostgreSQL cannot store, or an escape) is a
/// problem of its row, never a failed commit.
#[tokio::test]
async fn control_characters_in_a_text_are_a_row_problem() {
    let (db, app, session) = desk("desk@bursa.example", "XKLS").await;
    let before = digest(&db).await;
    // In a CSV such bytes make the file look binary; JSON carries them as escapes.
    let files: [(&str, &str); 2] = [
        (
            "esc.json",
            r#"[{"symbol": "0166", "name": "Inari\u001b[31m Berhad"}]"#,
        ),
        (
            "nul.json",
            r#"[{"symbol": "0166", "name": "Inari\u0000Amertron Berhad"}]"#,
        ),
    ];
    for (name, file) in files {
        let id = upload_bytes(&app, &session, name, file.as_bytes()).await;
        let page = preview(&app, &session, id).await;
        assert!(
            page.body
                .contains("1 rows: 0 new, 0 updated, 0 unchanged, 0 delisted, 1 rejected"),
            "{name}: {}",
            page.body
        );
        assert!(
            page.body.contains("control character"),
            "{name}: {}",
            page.body
        );
        let refused = commit(&app, &session, id).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert_eq!(digest(&db).await, before, "{name}");
    }
}

/// An operator maintains any exchange from the partner's pages, naming it with `?exchange=`:
/// the console links each exchange there; an edit and an upload land on that exchange.
#[tokio::test]
async fn an_operator_maintains_any_exchange_from_the_partners_pages() {
    let db = common::database(true).await;
    let app = app_on(db.clone());
    partner(&db, &app, "desk@set.example", "XBKK").await;
    staff(&db, Role::Operator, "ops@vnext.example", None).await;
    let ops = sign_in(&app, "ops@vnext.example", PASSWORD).await;
    let console = get(&app, "/en/admin", Some(&ops)).await;
    assert!(
        console.body.contains("/en/partner?exchange=XBKK"),
        "{}",
        console.body
    );
    let workspace = get(&app, "/en/partner?exchange=XBKK", Some(&ops)).await;
    assert_eq!(workspace.status, StatusCode::OK);
    assert!(workspace.body.contains("XBKK"));

    let symbol = listed_symbol(&db, "XBKK").await;
    let page = format!("/en/partner/companies/{symbol}?exchange=XBKK");
    let form = get(&app, &page, Some(&ops)).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    let fields = form_fields(&form.body);
    let edited = with(&fields, "sector", "Edited by the operator");
    let saved = post_fields(&app, &page, Some(&ops), &edited).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_eq!(
        stored(&db, "XBKK", &symbol).await.sector,
        "Edited by the operator"
    );

    let set = fixture("set.html");
    let reply = upload(
        &app,
        &ops,
        &[("file", "set.html", &set)],
        &[("exchange", "XBKK")],
    )
    .await;
    let id = batch_id(&reply);
    let kept = batch::Entity::find_by_id(id)
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(kept.exchange_mic, "XBKK");
    assert_eq!(kept.actor, "ops@vnext.example");
}

/// `uri` asked for gzipped, as browsers do: the answer's headers, its bytes, and its page
/// unpacked.
async fn gzipped(app: &Site, uri: &str) -> (axum::http::HeaderMap, Vec<u8>, String) {
    use std::io::Read;
    use tower::ServiceExt;
    let request = Request::get(uri)
        .header(header::ACCEPT_ENCODING, "br;q=1.0, gzip;q=0.8, *;q=0.1")
        .body(Body::empty())
        .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let headers = response.headers().clone();
    // Gzipped by the cache, not by the compression layer on the way out, whose stream has no
    // length known in advance.
    let length = http_body::Body::size_hint(response.body()).exact();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    assert_eq!(
        length,
        Some(bytes.len() as u64),
        "gzipped once, by the cache"
    );
    let mut page = String::new();
    flate2::read::GzDecoder::new(&bytes[..])
        .read_to_string(&mut page)
        .expect("one gzip stream, its checksum and length right");
    (headers, bytes.to_vec(), page)
}

/// Anonymous views come from each instance's copies until a write changes the data under them,
/// on any instance: the next view is then rendered again and shows the write. Signed-in views
/// are never copies, and each answer carries a fresh script nonce.
#[tokio::test]
async fn anonymous_pages_are_copies_until_a_partner_changes_the_zone() {
    let (db, app, session) = desk("cache@bursa.example", "XKLS").await;
    let other_instance = app_on(db.clone());
    let cache = |r: &Reply| {
        r.headers
            .get("x-vnext-cache")
            .map(|v| v.to_str().unwrap().to_owned())
    };
    let nonce = |r: &Reply| {
        let policy = r.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        let start = policy.find("'nonce-").unwrap() + 7;
        policy[start..start + policy[start..].find('\'').unwrap()].to_owned()
    };
    let search = "/en/zone?q=Amertron";

    let first = get(&app, search, None).await;
    assert_eq!(cache(&first).as_deref(), Some("miss"));
    let second = get(&app, search, None).await;
    assert_eq!(cache(&second).as_deref(), Some("hit"));
    assert_ne!(nonce(&first), nonce(&second));
    assert!(
        second
            .body
            .contains(&format!("nonce=\"{}\"", nonce(&second))),
        "the page's scripts carry the policy's nonce"
    );
    assert_eq!(
        first.body.replace(&nonce(&first), "N"),
        second.body.replace(&nonce(&second), "N"),
        "the copy is the page"
    );
    assert!(!second.body.contains("/en/zone/XKLS/0166"));
    assert_eq!(
        cache(&get(&other_instance, search, None).await).as_deref(),
        Some("miss")
    );
    assert_eq!(
        cache(&get(&other_instance, search, None).await).as_deref(),
        Some("hit")
    );
    let signed_in = get(&app, search, Some(&session)).await;
    assert_eq!(
        cache(&signed_in),
        None,
        "never a copy for a signed-in viewer"
    );
    // Browsers ask for gzip: the copy is compressed once, and each answer still has its nonce.
    let (mut gzip_nonces, plain) = (Vec::new(), first.body.replace(&nonce(&first), "N"));
    for _ in 0..2 {
        let (headers, raw, page) = gzipped(&app, search).await;
        let reply = Reply {
            status: StatusCode::OK,
            headers,
            body: page,
        };
        assert_eq!(cache(&reply).as_deref(), Some("hit"));
        assert_eq!(reply.headers[header::CONTENT_ENCODING], "gzip");
        let vary: Vec<_> = reply.headers.get_all(header::VARY).iter().collect();
        assert_eq!(vary, ["accept-encoding"], "said once, by the cache");
        assert_eq!(reply.body.replace(&nonce(&reply), "N"), plain);
        assert!(
            raw.windows(nonce(&reply).len())
                .any(|w| w == nonce(&reply).as_bytes()),
            "the nonce goes uncompressed"
        );
        gzip_nonces.push(nonce(&reply));
    }
    assert_ne!(gzip_nonces[0], gzip_nonces[1]);

    // An upload and its preview change nothing public; the commit does, on both instances.
    let id = upload_fixture(&app, &session, "bursa.csv").await;
    assert_eq!(
        cache(&get(&app, search, None).await).as_deref(),
        Some("hit")
    );
    let committed = commit(&app, &session, id).await;
    assert_eq!(committed.status, StatusCode::SEE_OTHER);
    for instance in [&app, &other_instance] {
        let after = get(instance, search, None).await;
        assert_eq!(cache(&after).as_deref(), Some("miss"));
        assert!(after.body.contains("/en/zone/XKLS/0166"), "the new company");
    }
    // Undo is a write too.
    undo(&app, &session, id).await;
    let undone = get(&other_instance, search, None).await;
    assert_eq!(cache(&undone).as_deref(), Some("miss"));
    assert!(!undone.body.contains("/en/zone/XKLS/0166"));
}
