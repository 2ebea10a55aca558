import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { SqlQuery } from './search.sql';

/** Runs the search module's SQL (search.sql.ts builds it; the benchmark runs the same text). */
@Injectable()
export class SearchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  rows<T>(query: SqlQuery): Promise<T[]> {
    return this.dataSource.query(query.text, query.values);
  }

  async count(query: SqlQuery): Promise<number> {
    const [row] = await this.rows<{ n: number }>(query);
    return row?.n ?? 0;
  }
}
