import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type Actor, CodedError, type LedgerQuery, type ReportQuery, type ReportSummaryView } from '@qifu/contracts';
import { stringify } from 'csv-stringify';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { RpcClientService } from '../rpc/rpc-client.service';
import { LEDGER_HEADER, ledgerCells } from './ledger-csv';
import { ReportQueryDto } from './reports.dto';

const CHUNK = 2_000;

/** GET /reports/summary and the ledger as CSV (API.md "Reports"), for supervisors and admins. */
@ApiTags('reports')
@ApiBearerAuth()
@Roles('supervisor', 'admin')
@Controller('reports')
export class ReportsController {
  constructor(private readonly rpc: RpcClientService) {}

  @Get('summary')
  summary(@CurrentActor() actor: Actor, @Query() q: ReportQueryDto): Promise<ReportSummaryView> {
    return this.rpc.call('reports.summary', { actor, query: range(q) });
  }

  /**
   * One row per request, UTF-8 with a byte-order mark and CRLF so that Excel and WPS open Chinese
   * text correctly. Streamed in keyset pages, so a year of requests never sits in memory.
   */
  @Get('requests.csv')
  @ApiProduces('text/csv')
  async ledger(@CurrentActor() actor: Actor, @Query() q: ReportQueryDto, @Res() res: Response): Promise<void> {
    const query: LedgerQuery = { ...range(q), limit: CHUNK };
    let rows = await this.rpc.call('reports.ledger', { actor, query }); // errors before any byte is sent
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="qifu-requests-${query.from.slice(0, 10)}-${query.to.slice(0, 10)}.csv"`);
    const csv = stringify({ bom: true, record_delimiter: 'windows' });
    csv.pipe(res);
    csv.write(LEDGER_HEADER);
    try {
      for (;;) {
        for (const row of rows) if (!csv.write(ledgerCells(row))) await new Promise((r) => csv.once('drain', r));
        const last = rows.at(-1);
        if (rows.length < CHUNK || !last) break;
        rows = await this.rpc.call('reports.ledger', { actor, query: { ...query, after: { createdAt: last.createdAt, id: last.id } } });
      }
      csv.end();
    } catch (err) {
      // Headers are gone: cut the download so it cannot be mistaken for a complete ledger.
      res.destroy(err instanceof Error ? err : new Error(String(err)));
    }
  }
}

function range(q: ReportQueryDto): ReportQuery {
  const to = q.to ?? new Date().toISOString();
  const from = q.from ?? new Date(new Date(to).getTime() - 30 * 86_400_000).toISOString();
  if (new Date(from) >= new Date(to)) {
    throw new CodedError('VALIDATION_FAILED', 'from must be before to', [{ field: 'from', message: 'must be before to' }]);
  }
  return { from, to, ...(q.departmentId ? { departmentId: q.departmentId } : {}) };
}
