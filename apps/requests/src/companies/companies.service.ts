import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Actor, CodedError, type CompanyView, type CreateCompanyInput, type Page, type UpdateCompanyInput } from '@qifu/contracts';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '@qifu/database';
import { DataSource } from 'typeorm';
import { Company } from './company.entity';
import { creditCodeProblem, describeCreditCodeProblem } from './domain/credit-code';

function toView(c: Company): CompanyView {
  return {
    id: c.id,
    name: c.name,
    creditCode: c.creditCode,
    address: c.address,
    contactName: c.contactName,
    contactPhone: c.contactPhone,
    liaisonOfficerId: c.liaisonOfficerId,
    createdAt: c.createdAt.toISOString(),
  };
}

function checkCreditCode(code: string): void {
  const problem = creditCodeProblem(code);
  if (problem) {
    const message = describeCreditCodeProblem(code, problem);
    throw new CodedError('VALIDATION_FAILED', message, [{ field: 'creditCode', message }]);
  }
}

@Injectable()
export class CompaniesService {
  constructor(private readonly dataSource: DataSource) {}

  async create(input: CreateCompanyInput): Promise<CompanyView> {
    checkCreditCode(input.creditCode);
    const company = this.dataSource.manager.create(Company, {
      id: randomUUID(),
      name: input.name,
      creditCode: input.creditCode,
      address: input.address ?? null,
      contactName: input.contactName ?? null,
      contactPhone: input.contactPhone ?? null,
      liaisonOfficerId: input.liaisonOfficerId ?? null,
    });
    try {
      await this.dataSource.manager.insert(Company, company);
    } catch (err) {
      if (pgErrorCode(err) === PG_UNIQUE_VIOLATION) {
        throw new CodedError('CONFLICT', `a company with credit code ${input.creditCode} exists`, [
          { field: 'creditCode', message: 'creditCode is already registered' },
        ]);
      }
      throw err;
    }
    return toView(await this.dataSource.manager.findOneByOrFail(Company, { id: company.id }));
  }

  async get(actor: Actor, id: string): Promise<CompanyView> {
    const company = await this.dataSource.manager.findOne(Company, { where: { id } });
    // A company user sees only their own company: anything else is "not found".
    if (!company || (actor.role === 'company' && actor.companyId !== id)) throw new CodedError('NOT_FOUND', `company ${id} not found`);
    return toView(company);
  }

  async update(id: string, patch: UpdateCompanyInput): Promise<CompanyView> {
    if (patch.creditCode !== undefined) checkCreditCode(patch.creditCode);
    const existing = await this.dataSource.manager.findOne(Company, { where: { id } });
    if (!existing) throw new CodedError('NOT_FOUND', `company ${id} not found`);
    const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<Company>;
    if (Object.keys(changes).length > 0) {
      try {
        await this.dataSource.transaction(async (m) => {
          await m.update(Company, { id }, changes);
          // Requests show the company's current name.
          if (changes.name !== undefined && changes.name !== existing.name) {
            await m.query(`UPDATE requests SET company_name = $2 WHERE company_id = $1`, [id, changes.name]);
          }
        });
      } catch (err) {
        if (pgErrorCode(err) === PG_UNIQUE_VIOLATION) throw new CodedError('CONFLICT', 'creditCode is already registered');
        throw err;
      }
    }
    return toView(await this.dataSource.manager.findOneByOrFail(Company, { id }));
  }

  async list(q: { page: number; pageSize: number }): Promise<Page<CompanyView>> {
    const [rows, total] = await this.dataSource.manager.findAndCount(Company, {
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return { items: rows.map(toView), total, page: q.page, pageSize: q.pageSize };
  }
}
