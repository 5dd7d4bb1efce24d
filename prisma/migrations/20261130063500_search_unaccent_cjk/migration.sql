-- Search that finds what people type: accent-insensitive ("participacion" finds "participación")
-- and Chinese/Japanese/Korean words inside unspaced sentences (overlapping character bigrams).
CREATE EXTENSION IF NOT EXISTS unaccent;

-- One text-search configuration per draft language: words pass through unaccent first.
CREATE TEXT SEARCH CONFIGURATION parley_simple (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION parley_simple ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, hword, hword_part, word WITH unaccent, simple;
CREATE TEXT SEARCH CONFIGURATION parley_english (COPY = english);
ALTER TEXT SEARCH CONFIGURATION parley_english ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
CREATE TEXT SEARCH CONFIGURATION parley_french (COPY = french);
ALTER TEXT SEARCH CONFIGURATION parley_french ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, hword, hword_part, word WITH unaccent, french_stem;
CREATE TEXT SEARCH CONFIGURATION parley_spanish (COPY = spanish);
ALTER TEXT SEARCH CONFIGURATION parley_spanish ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, hword, hword_part, word WITH unaccent, spanish_stem;
CREATE TEXT SEARCH CONFIGURATION parley_russian (COPY = russian);
ALTER TEXT SEARCH CONFIGURATION parley_russian ALTER MAPPING FOR hword, hword_part, word WITH unaccent, russian_stem;
CREATE TEXT SEARCH CONFIGURATION parley_arabic (COPY = arabic);

-- Runs of Han, kana and Hangul as overlapping two-character "words" ("数据保护" -> "数据 据保 保护"),
-- a query for any two or more adjacent characters is then a phrase of bigrams.
CREATE FUNCTION parley_cjk_bigrams(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT coalesce(string_agg(
           CASE WHEN length(m[1]) = 1 THEN m[1]
                ELSE (SELECT string_agg(substr(m[1], i, 2), ' ' ORDER BY i) FROM generate_series(1, length(m[1]) - 1) AS i) END,
           ' '), '')
  FROM regexp_matches(coalesce(t, ''), '([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+)', 'g') AS m
$fn$;

CREATE FUNCTION parley_search_config(language text) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT (CASE language WHEN 'en' THEN 'parley_english' WHEN 'fr' THEN 'parley_french' WHEN 'es' THEN 'parley_spanish'
                        WHEN 'ru' THEN 'parley_russian' WHEN 'ar' THEN 'parley_arabic' ELSE 'parley_simple' END)::regconfig
$fn$;

-- A draft's search document: title A, abstract B, body C, each in its language, as written
-- (accents folded) and as CJK bigrams.
CREATE FUNCTION parley_draft_search_vector(language text, title text, abstract text, body text) RETURNS tsvector
LANGUAGE sql STABLE PARALLEL SAFE AS $fn$
  SELECT setweight(to_tsvector(parley_search_config(language), title) || to_tsvector('parley_simple', title) || to_tsvector('simple', parley_cjk_bigrams(title)), 'A')
      || setweight(to_tsvector(parley_search_config(language), abstract) || to_tsvector('parley_simple', abstract) || to_tsvector('simple', parley_cjk_bigrams(abstract)), 'B')
      || setweight(to_tsvector(parley_search_config(language), body) || to_tsvector('parley_simple', body) || to_tsvector('simple', parley_cjk_bigrams(body)), 'C')
$fn$;

UPDATE "Draft" d SET "searchVector" = parley_draft_search_vector(d.language, v.title, v.abstract, v.body)
FROM "DraftVersion" v
WHERE v."draftId" = d.id AND v.number = d."currentVersion";
