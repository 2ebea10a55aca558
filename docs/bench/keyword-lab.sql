-- Keyword-search lab (ADR 0014): 1,000,000 synthetic Chinese unit descriptions, pg_trgm vs the
-- bigram tokens of fs_search_tokens (create that function first: it is in the migration
-- apps/api/src/database/migrations/1763971200000-search.ts). Run with psql on a scratch database.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE docs AS
SELECT g AS id,
  (ARRAY['高平','晋城','泽州','阳城','沁水','长治','太原','郑州','洛阳','合肥','芜湖','苏州','无锡','常州','南通','嘉兴','湖州','绍兴','金华','台州'])[1 + (hashint4(g) & 2147483647) % 20]
  || (ARRAY['经济技术开发区','高新技术产业开发区','工业园区','产业园'])[1 + (hashint4(g*7) & 2147483647) % 4]
  || (ARRAY['海峡两岸产业园','食品加工产业园','装备制造产业园','新材料产业园','电子信息产业园','生物医药产业园','综合产业园','光机电产业园'])[1 + (hashint4(g*13) & 2147483647) % 8]
  || (ARRAY['A','B','C','D'])[1 + (hashint4(g*17) & 2147483647) % 4] || ((hashint4(g*19) & 2147483647) % 30)::text || '栋'
  || (ARRAY['单层厂房','多层厂房','标准化厂房','钢结构厂房'])[1 + (hashint4(g*23) & 2147483647) % 4]
  || ' 适合' || (ARRAY['食品','机械加工','电子装配','新材料','医药','纺织','仓储物流','光伏'])[1 + (hashint4(g*29) & 2147483647) % 8] || '企业入驻,水电气齐全,交通便利。' AS body
FROM generate_series(1, 1000000) g;
ALTER TABLE docs ADD COLUMN tokens text[];
UPDATE docs SET tokens = fs_search_tokens(body, false);
CREATE INDEX docs_trgm ON docs USING gin (body gin_trgm_ops);
CREATE INDEX docs_tokens ON docs USING gin (tokens);
VACUUM ANALYZE docs;
\timing on
SELECT show_trgm('海峡');
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM docs WHERE body LIKE '%海峡%';
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM docs WHERE tokens @> fs_search_tokens('海峡', true);
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id FROM docs WHERE body LIKE '%海峡两岸%' LIMIT 20;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id FROM docs WHERE tokens @> fs_search_tokens('海峡两岸', true) LIMIT 20;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM docs WHERE body LIKE '%沁水%食品%';
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM docs WHERE tokens @> fs_search_tokens('沁水 食品', true);
