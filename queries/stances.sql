-- name: stances
-- title: Stances and aims attributed to leaders, countries and groups
-- description: What the articles say a person, country or group supports (stance) or seeks (aim).
-- param: article text optional  Only stances stated by this article (its id)
-- column: holder  Whose stance or aim it is, as printed
-- column: holder_kind  person, country, organization or group
-- column: kind  stance (a position held) or aim (a goal pursued)
-- column: statement  What it is, in the article's words
-- column: evidence  The article's words
-- column: fact_ids  JSON array of the facts the row rests on; see factdb why
SELECT h.name AS holder,
       h.kind AS holder_kind,
       s.kind,
       s.statement,
       fe.evidence,
       '[' || s.fact_id || ']' AS fact_ids
  FROM stance s
  JOIN fact f ON f.id = s.fact_id
  JOIN entity h ON h.id = s.holder_id
  JOIN fact_evidence fe ON fe.fact_id = s.fact_id
 WHERE :article IS NULL OR EXISTS (SELECT 1 FROM fact_article fa WHERE fa.fact_id = f.id AND fa.article_id = :article)
 ORDER BY s.fact_id
