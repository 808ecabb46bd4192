-- name: country
-- title: Everything the article says about a country
-- description: For every country whose name or alias contains the given text (case-insensitive): its
--   memberships, who represented it, its offices, its stances and aims, and the tensions it is party to.
-- param: country text required  Part of the country's name or of an alias, e.g. Pakistan
WITH which AS (
  SELECT DISTINCT e.id, e.name FROM entity e LEFT JOIN alias al ON al.entity_id = e.id
   WHERE e.kind = 'country'
     AND (e.name LIKE '%' || :country || '%' OR al.name LIKE '%' || :country || '%'))
SELECT country, aspect, detail, evidence FROM (
SELECT which.name AS country, 'membership' AS aspect, m.status || ' of ' || o.name AS detail, fe.evidence,
       1 AS sort, m.fact_id AS seq
  FROM which JOIN membership m ON m.member_id = which.id JOIN entity o ON o.id = m.organization_id
  JOIN fact_evidence fe ON fe.fact_id = m.fact_id
UNION ALL
SELECT which.name, 'represented by', p.name || coalesce(' (' || t.title || ')', '') || ' at ' || ev.name, fe.evidence, 2, a.fact_id
  FROM which JOIN attendance a ON a.represents_id = which.id JOIN entity p ON p.id = a.person_id
  JOIN entity ev ON ev.id = a.event_id
  LEFT JOIN office_holding_title t ON t.person_id = a.person_id AND t.office_id = a.office_id
  JOIN fact_evidence fe ON fe.fact_id = a.fact_id
UNION ALL
SELECT which.name, 'office', o.title || coalesce(' (' || (SELECT group_concat(r.role, ' and ') FROM office_role r
                                                           WHERE r.office_id = o.id) || ')', ''),
       fe.evidence, 3, o.fact_id
  FROM which JOIN office o ON o.jurisdiction_id = which.id JOIN fact_evidence fe ON fe.fact_id = o.fact_id
UNION ALL
SELECT which.name, s.kind, s.statement, fe.evidence, 4, s.fact_id
  FROM which JOIN stance s ON s.holder_id = which.id JOIN fact_evidence fe ON fe.fact_id = s.fact_id
UNION ALL
SELECT which.name, 'tension', t.about || ' with ' ||
       (SELECT group_concat(e.name, ', ') FROM tension_party x JOIN entity e ON e.id = x.party_id
         WHERE x.tension_id = t.fact_id AND x.party_id <> which.id),
       fe.evidence, 5, t.fact_id
  FROM which JOIN tension_party tp ON tp.party_id = which.id JOIN tension t ON t.fact_id = tp.tension_id
  JOIN fact_evidence fe ON fe.fact_id = t.fact_id
)
 ORDER BY country, sort, seq
