-- name: members
-- title: Members of each organization, by status
-- description: Every membership the articles state, with its status as stated: founding member, member, acceding,
--   observer, dialogue partner, guest, suspended or former member, or "observer or dialogue partner" where the article does not tell the two
--   apart; and the date the status holds from, when stated. Over several articles, each statement is listed.
-- param: article text optional  Only memberships stated by this article (its id)
-- column: organization  The organization
-- column: status  The status as the article states it
-- column: member  The member country
-- column: as_of  The date the status holds from (ISO 8601): as stated, or else the date of the article stating it; empty when neither is given
-- column: evidence  The article's words stating the membership
-- column: fact_ids  JSON array of the facts the row rests on; see factdb why
-- example: Which countries are members of the organization?
-- example: What is each member's status?
-- example: Who are the observer states and dialogue partners?
-- Each statement's row; `scope` is the statement.
WITH answer AS NOT MATERIALIZED (
SELECT scope.article_id AS scope_article, scope.seq AS scope_seq, o.name AS sort_organization,
       CASE m.status WHEN 'founding member' THEN 1 WHEN 'member' THEN 2
                     WHEN 'acceding' THEN 3 WHEN 'observer' THEN 4 WHEN 'dialogue partner' THEN 5
                     WHEN 'observer or dialogue partner' THEN 6 WHEN 'guest' THEN 7 WHEN 'suspended' THEN 8 ELSE 9 END
         AS sort_status,
       m.as_of IS NOT NULL AS sort_dated, m.as_of AS sort_as_of,  -- NULL first in any engine
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = o.id AND nm.article_id = :article), o.name) AS organization,
       m.status,
       coalesce((SELECT nm.name FROM mention nm WHERE nm.entity_id = c.id AND nm.article_id = :article), c.name) AS member,
       coalesce(m.as_of, (SELECT art.published FROM article art WHERE art.id = scope.article_id)) AS as_of,
       coalesce((SELECT se.evidence FROM statement_evidence se WHERE se.fact_id = m.fact_id AND se.article_id = :article),
                (SELECT fe.evidence FROM fact_evidence fe WHERE fe.fact_id = m.fact_id)) AS evidence,
       '[' || m.fact_id || ']' AS fact_ids
  FROM statement scope CROSS JOIN membership m ON m.fact_id = scope.fact_id
  JOIN entity o ON o.id = m.organization_id
  JOIN entity c ON c.id = m.member_id)
-- By organization, full members first, then undated before dated; then as the articles state them.
-- The article's memberships are few and sorted; the corpus's are read organization by organization in the
-- order of their names (by index), each one's sorted alone, so that the first page costs its organizations alone.
SELECT organization, status, member, as_of, evidence, fact_ids FROM (
  SELECT sort_organization, sort_status, sort_dated, sort_as_of, scope_article, scope_seq, * FROM answer
   WHERE scope_article = :article
  UNION ALL
  SELECT o.name, answer.sort_status, answer.sort_dated, answer.sort_as_of, f.first_article_id, f.first_seq, answer.*
    FROM entity o
    CROSS JOIN membership x ON x.organization_id = o.id
    CROSS JOIN fact f ON f.id = x.fact_id
    CROSS JOIN answer ON answer.scope_article = f.first_article_id AND answer.scope_seq = f.first_seq
   WHERE o.kind = 'organization' AND :article IS NULL
  ORDER BY 1, 2, 3, 4, 5, 6)
