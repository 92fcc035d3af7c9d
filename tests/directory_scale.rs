//! The directory at size: pages turned by seeking, counts kept by the writes, and search that
//! ranks a bounded window alike on both databases.

mod common;

use sea_orm::{ConnectionTrait, DatabaseConnection, QueryOrder};
use vnext::i18n::Lang;
use vnext::zone::entity::company;
use vnext::zone::{DirectoryQuery, DirectoryView, ViewSize};

async fn view(db: &impl ConnectionTrait, query: &DirectoryQuery) -> DirectoryView {
    vnext::zone::queries::directory(db, Lang::En, query)
        .await
        .expect("a directory view")
}

fn keys(view: &DirectoryView) -> Vec<(String, String)> {
    view.cards
        .iter()
        .map(|c| (c.mic.clone(), c.symbol.clone()))
        .collect()
}

async fn generated(count: usize) -> DatabaseConnection {
    let db = common::database(false).await;
    vnext::zone::demo::seed_generated(&db, count)
        .await
        .expect("seed");
    db
}

#[tokio::test]
async fn pages_turn_by_seeking_through_every_company_and_back() {
    let db = generated(150).await;
    common::assert_facets_current(&db).await;
    let in_order: Vec<(String, String)> = company::listed()
        .order_by_asc(company::Column::ExchangeMic)
        .order_by_asc(company::Column::Symbol)
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|c| (c.exchange_mic, c.symbol))
        .collect();

    let mut query = DirectoryQuery::default();
    let mut pages = Vec::new();
    loop {
        let v = view(&db, &query).await;
        assert_eq!(v.size, ViewSize::Exact(150));
        assert_eq!(v.query.page as usize, pages.len() + 1);
        pages.push(keys(&v));
        match v.next {
            Some(next) => {
                assert!(
                    next.to_query_string().contains("after="),
                    "the next page seeks: {}",
                    next.to_query_string()
                );
                query = next;
            }
            None => {
                assert_eq!(v.pages, v.query.page, "the last page says it is the last");
                break;
            }
        }
    }
    assert_eq!(pages.len(), 7);
    assert_eq!(pages.concat(), in_order, "every company once, in order");

    // Back from the last page, each previous page is the one seen on the way forward.
    let mut back = Vec::new();
    loop {
        let v = view(&db, &query).await;
        back.push(keys(&v));
        match v.previous {
            Some(previous) => query = previous,
            None => break,
        }
    }
    back.reverse();
    assert_eq!(back, pages);

    // A page number alone still reaches its page; a stale seek falls back to the first page.
    let fifth = view(&db, &DirectoryQuery::default().with_page(5)).await;
    assert_eq!(keys(&fifth), pages[4]);
    let stale = DirectoryQuery::from_lookup(|k| (k == "after").then(|| "ZZZZ:ZZZZ".to_owned()));
    let stale = view(&db, &stale).await;
    assert_eq!((stale.query.page, keys(&stale)), (1, pages[0].clone()));
}

#[tokio::test]
async fn a_view_of_several_filters_is_counted_and_a_single_filter_read_from_the_counts() {
    let db = generated(400).await;
    let all: Vec<company::Model> = company::listed().all(&db).await.unwrap();
    let query = DirectoryQuery {
        exchange: Some("XKLS".into()),
        industry: Some("energy".into()),
        green: true,
        ..Default::default()
    };
    let expected = all
        .iter()
        .filter(|c| c.exchange_mic == "XKLS" && c.industry == "energy" && c.green)
        .count() as u64;
    assert!(expected > 0);
    let v = view(&db, &query).await;
    assert_eq!(v.size, ViewSize::Exact(expected));
    assert_eq!(
        v.cards.len() as u64,
        expected.min(DirectoryQuery::PAGE_SIZE)
    );
    let country = DirectoryQuery {
        country: Some("TH".into()),
        ..Default::default()
    };
    let expected = all.iter().filter(|c| c.country == "TH").count() as u64;
    assert_eq!(view(&db, &country).await.size, ViewSize::Exact(expected));
}

/// The benchmark's twenty searches, five in each script, and two-character Chinese ones.
const SEARCHES: [&str; 23] = [
    "palm oil",
    "solar",
    "semiconductor",
    "logistics",
    "Kinabalu",
    "棕榈油",
    "太阳能",
    "半导体",
    "物流",
    "医疗",
    "minyak sawit",
    "tenaga solar",
    "pembungkusan",
    "hospital",
    "bateri",
    "น้ำมันปาล์ม",
    "พลังงานแสงอาทิตย์",
    "โลจิสติกส์",
    "โรงพยาบาล",
    "แบตเตอรี่",
    "棕榈",
    "石油",
    "an",
];

/// What a search should find, read from the generator itself rather than from a database:
/// every company whose symbol or any text contains the words, ignoring case.
fn expected_matches(count: usize, q: &str) -> usize {
    let q = q.to_lowercase();
    (0..count)
        .map(vnext::zone::demo::company)
        .filter(|c| {
            c.symbol.to_lowercase().contains(&q)
                || c.texts.iter().any(|(_, name, business, advantages, note)| {
                    [
                        name.as_str(),
                        business,
                        advantages.as_deref().unwrap_or(""),
                        note,
                    ]
                    .iter()
                    .any(|t| t.to_lowercase().contains(&q))
                })
        })
        .count()
}

async fn searched(db: &impl ConnectionTrait, q: &str, page: u32) -> DirectoryView {
    let query = DirectoryQuery {
        q: Some(q.into()),
        page,
        ..Default::default()
    };
    view(db, &query).await
}

#[tokio::test]
async fn searches_in_four_scripts_find_what_the_data_holds_and_agree_across_databases() {
    const COUNT: usize = 1_200;
    let db = generated(COUNT).await;
    // On a PostgreSQL run the same data goes into SQLite too, and both must answer alike.
    let twin = if common::backend_name() == "postgresql" {
        let sqlite = vnext::db::connect("sqlite::memory:").await.unwrap();
        vnext::demo::prepare(&sqlite, false).await.unwrap();
        vnext::zone::demo::seed_generated(&sqlite, COUNT)
            .await
            .unwrap();
        Some(sqlite)
    } else {
        None
    };
    let window = vnext::zone::search::SEARCH_WINDOW;
    for q in SEARCHES {
        let expected = expected_matches(COUNT, q);
        let first = searched(&db, q, 1).await;
        let want = if expected > window {
            ViewSize::MoreThan(window as u64)
        } else {
            ViewSize::Exact(expected as u64)
        };
        assert_eq!(first.size, want, "{q:?} on {}", common::backend_name());
        if let Some(sqlite) = &twin {
            for page in [1, 2] {
                let here = searched(&db, q, page).await;
                let there = searched(sqlite, q, page).await;
                assert_eq!(
                    (here.size, keys(&here)),
                    (there.size, keys(&there)),
                    "{q:?}, page {page}: PostgreSQL and SQLite differ"
                );
            }
        }
    }
    for q in ["棕榈", "石油"] {
        assert!(
            expected_matches(COUNT, q) > 0,
            "{q:?} is in the generated data"
        );
    }
    assert!(
        expected_matches(COUNT, "an") > window,
        "one search is larger than the ranked window"
    );
}

#[tokio::test]
async fn shared_reads_of_the_page_generation_see_every_write_committed_before_them() {
    use vnext::platform::page_generation::{SharedReads, bump};
    let db = common::database(true).await;
    let reads = SharedReads::new(db.clone());
    let start = reads.current().await.unwrap();
    for round in 1..=20 {
        bump(&db).await.unwrap();
        // Readers arriving together share reads; each still sees the write just committed.
        let readers: Vec<_> = (0..16)
            .map(|_| {
                let reads = reads.clone();
                tokio::spawn(async move { reads.current().await.unwrap() })
            })
            .collect();
        for reader in readers {
            assert_eq!(reader.await.unwrap(), start + round, "round {round}");
        }
    }
}

#[tokio::test]
async fn a_sqlite_files_readers_read_beside_the_writer_and_cannot_write() {
    use sea_orm::TransactionTrait;
    use vnext::platform::page_generation::{bump, current};
    let dir = std::env::temp_dir().join("vnext-tests");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join(format!("{}-readers.sqlite", std::process::id()));
    let _ = std::fs::remove_file(&file);
    let databases = vnext::db::connect_all(&format!("sqlite://{}", file.display()))
        .await
        .expect("connect");
    vnext::demo::prepare(&databases.db, false)
        .await
        .expect("migrate");
    let reads = &databases.reads.0;
    let start = current(reads).await.expect("a read");
    // A pool of one connection, as sea-orm gives SQLite, would wait for the first to end.
    let first = reads.begin().await.expect("a reader");
    let second = tokio::time::timeout(std::time::Duration::from_secs(5), reads.begin())
        .await
        .expect("a second reader while the first is open")
        .expect("a reader");
    assert_eq!(current(&first).await.unwrap(), start);
    assert_eq!(current(&second).await.unwrap(), start);
    bump(&databases.db)
        .await
        .expect("the writer writes while readers read");
    assert_eq!(
        current(&second).await.unwrap(),
        start,
        "a reader keeps its snapshot"
    );
    drop((first, second));
    assert_eq!(
        current(reads).await.unwrap(),
        start + 1,
        "a new read sees the write"
    );
    assert!(bump(reads).await.is_err(), "the readers cannot write");
    let _ = std::fs::remove_file(&file);
}
