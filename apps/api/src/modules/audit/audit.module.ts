import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditController } from './audit.controller';
import { AuditLogService } from './audit-log.service';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { AuditEventEntity } from './entities/audit-event.entity';

/** The security audit log: AuditService appends events, GET /audit-events reads them. */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEventEntity])],
  controllers: [AuditController],
  providers: [AuditService, AuditLogService, AuditRepository],
  exports: [AuditService],
})
export class AuditModule {}
