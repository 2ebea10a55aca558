import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/http';
import type { Zone } from '@/api/types';
import { createInvitation, type InvitationResponse } from '@/api/users';
import { createZone } from '@/api/zones';
import { createAppI18n } from '@/i18n';
import {
  emptyZoneForm,
  mapCreateZoneError,
  normalizeZoneCode,
  submitZoneForm,
  validateZoneForm,
  zoneFormToBody,
  zoneIssueText,
  type ZoneFormValues,
} from './zone-form';

vi.mock('@/api/zones', () => ({ createZone: vi.fn() }));
vi.mock('@/api/users', () => ({ createInvitation: vi.fn() }));

const t = createAppI18n('zh-CN').global.t as (key: string) => string;

function form(overrides: Partial<ZoneFormValues> = {}): ZoneFormValues {
  return {
    ...emptyZoneForm(),
    name: '高平经济技术开发区',
    code: 'gaoping',
    platformCompany: '恒通集团',
    ...overrides,
  };
}

const zone: Zone = {
  id: 'z-new',
  code: 'gaoping',
  name: '高平经济技术开发区',
  nameEn: null,
  platformCompany: '恒通集团',
  version: 1,
};

const invitation: InvitationResponse = {
  id: 'i1',
  email: 'chief@example.cn',
  role: 'zone_admin',
  zoneId: 'z-new',
  zoneName: '高平经济技术开发区',
  firmId: null,
  firmName: null,
  status: 'pending',
  expiresAt: '2099-01-08T00:00:00Z',
  createdAt: '2099-01-01T00:00:00Z',
  invitedByName: '平台管理员',
};

function validationError(details: { field: string; code: string; message?: string }[]) {
  return new ApiError(400, {
    code: 'VALIDATION_FAILED',
    message: '提交的数据有误,请检查标出的字段',
    details,
  });
}

describe('validateZoneForm', () => {
  it('requires the name, the code and the platform company', () => {
    expect(validateZoneForm(emptyZoneForm())).toEqual({
      name: [{ code: 'required' }],
      code: [{ code: 'required' }],
      platformCompany: [{ code: 'required' }],
    });
    expect(validateZoneForm(form({ name: '   ', platformCompany: ' ' }))).toEqual({
      name: [{ code: 'required' }],
      platformCompany: [{ code: 'required' }],
    });
  });

  it('accepts a complete form with only the required fields', () => {
    expect(validateZoneForm(form())).toEqual({});
  });

  it('checks the code against the API pattern, after trimming and lower-casing', () => {
    for (const code of ['gaoping', 'a', 'sip-2', 'wx_hi', '0abc', ' GaoPing ']) {
      expect(validateZoneForm(form({ code })), code).toEqual({});
    }
    for (const code of ['-abc', '_abc', 'gao ping', '高平', 'gao.ping', 'gaoping!']) {
      expect(validateZoneForm(form({ code })).code, code).toEqual([{ code: 'code_format' }]);
    }
    expect(validateZoneForm(form({ code: 'a'.repeat(33) })).code).toEqual([
      { code: 'too_long', max: 32 },
    ]);
    expect(validateZoneForm(form({ code: 'a'.repeat(32) }))).toEqual({});
    expect(normalizeZoneCode('  GaoPing ')).toBe('gaoping');
  });

  it('limits the lengths like the API', () => {
    const issues = validateZoneForm(
      form({
        name: 'x'.repeat(121),
        nameEn: 'x'.repeat(121),
        platformCompany: 'x'.repeat(121),
        province: 'x'.repeat(61),
        city: 'x'.repeat(60),
      }),
    );
    expect(issues).toEqual({
      name: [{ code: 'too_long', max: 120 }],
      nameEn: [{ code: 'too_long', max: 120 }],
      platformCompany: [{ code: 'too_long', max: 120 }],
      province: [{ code: 'too_long', max: 60 }],
    });
  });

  it('takes a centre with both coordinates in range, or none', () => {
    expect(validateZoneForm(form({ latitude: '35.8', longitude: '112.92' }))).toEqual({});
    expect(validateZoneForm(form({ latitude: ' -0.5 ', longitude: '112,92' }))).toEqual({});
    expect(validateZoneForm(form({ latitude: '35.8' }))).toEqual({
      longitude: [{ code: 'center_incomplete' }],
    });
    expect(validateZoneForm(form({ longitude: '112.9' }))).toEqual({
      latitude: [{ code: 'center_incomplete' }],
    });
    expect(validateZoneForm(form({ latitude: '91', longitude: 'abc' }))).toEqual({
      latitude: [{ code: 'out_of_range', min: -90, max: 90 }],
      longitude: [{ code: 'not_a_number' }],
    });
  });

  it('checks the optional administrator e-mail only when given', () => {
    expect(validateZoneForm(form({ adminEmail: '' }))).toEqual({});
    expect(validateZoneForm(form({ adminEmail: ' Chief@Example.cn ' }))).toEqual({});
    expect(validateZoneForm(form({ adminEmail: 'not-an-email' }))).toEqual({
      adminEmail: [{ code: 'invalid_email' }],
    });
  });
});

describe('zoneFormToBody', () => {
  it('sends trimmed values, a lower-case code and leaves blank optional fields out', () => {
    expect(zoneFormToBody(form({ code: ' GaoPing ', name: ' 高平 ', city: '  ' }))).toEqual({
      code: 'gaoping',
      name: '高平',
      platformCompany: '恒通集团',
    });
  });

  it('sends the optional fields and the centre when given', () => {
    expect(
      zoneFormToBody(
        form({
          nameEn: ' Gaoping ETDZ ',
          platformCompanyEn: 'Hengtong Group',
          province: '山西省',
          city: '晋城市',
          latitude: '35.8',
          longitude: '112,92',
          adminEmail: 'chief@example.cn',
        }),
      ),
    ).toEqual({
      code: 'gaoping',
      name: '高平经济技术开发区',
      nameEn: 'Gaoping ETDZ',
      platformCompany: '恒通集团',
      platformCompanyEn: 'Hengtong Group',
      province: '山西省',
      city: '晋城市',
      center: { latitude: 35.8, longitude: 112.92 },
    });
  });
});

describe('mapCreateZoneError', () => {
  it('puts ZONE_CODE_TAKEN under the code', () => {
    const error = new ApiError(409, {
      code: 'ZONE_CODE_TAKEN',
      message: '开发区代码已被使用',
      details: { code: 'gaoping' },
    });
    const mapped = mapCreateZoneError(error, 'zh-CN');
    expect(mapped).toEqual({ fields: { code: [{ code: 'code_taken' }] }, general: [] });
    expect(zoneIssueText(mapped.fields.code![0]!, 'zh-CN', t)).toBe(
      '该开发区代码已被使用,请换一个',
    );
  });

  it('puts 400 details under their fields, the centre under latitude/longitude', () => {
    const mapped = mapCreateZoneError(
      validationError([
        { field: 'code', code: 'invalid_format', message: '格式不正确' },
        { field: 'platformCompany', code: 'too_long', message: '不能超过 120 个字符' },
        { field: 'center.longitude', code: 'out_of_range', message: '应在 -180 至 180 之间' },
        { field: 'somethingElse', code: 'unknown_field', message: '不允许的字段' },
      ]),
      'zh-CN',
    );
    expect(mapped.fields).toEqual({
      code: [{ code: 'server', message: '格式不正确' }],
      platformCompany: [{ code: 'server', message: '不能超过 120 个字符' }],
      longitude: [{ code: 'server', message: '应在 -180 至 180 之间' }],
    });
    expect(mapped.general).toEqual(['somethingElse: 不允许的字段']);
  });

  it('keeps other failures for a message above the form', () => {
    const forbidden = new ApiError(403, { code: 'FORBIDDEN', message: '没有权限' });
    expect(mapCreateZoneError(forbidden, 'zh-CN')).toEqual({ fields: {}, general: ['没有权限'] });
    expect(mapCreateZoneError(new Error('网络连接失败'), 'zh-CN').general).toEqual([
      '网络连接失败',
    ]);
  });
});

describe('zoneIssueText', () => {
  it('uses the shared wording for the common checks and its own for the code', () => {
    expect(zoneIssueText({ code: 'required' }, 'zh-CN', t)).toBe('此项为必填项');
    expect(zoneIssueText({ code: 'too_long', max: 32 }, 'zh-CN', t)).toBe('不能超过 32 个字符');
    expect(zoneIssueText({ code: 'out_of_range', min: -90, max: 90 }, 'zh-CN', t)).toBe(
      '应在 -90 至 90 之间',
    );
    expect(zoneIssueText({ code: 'code_format' }, 'zh-CN', t)).toContain('小写字母');
    expect(zoneIssueText({ code: 'required' }, 'en', t)).toBe('This field is required');
  });
});

describe('submitZoneForm', () => {
  beforeEach(() => {
    vi.mocked(createZone).mockReset();
    vi.mocked(createInvitation).mockReset();
  });

  it('creates the zone and invites nobody without an e-mail', async () => {
    vi.mocked(createZone).mockResolvedValue(zone);
    const outcome = await submitZoneForm(form({ code: 'GaoPing' }), 'zh-CN');
    expect(createZone).toHaveBeenCalledWith({
      code: 'gaoping',
      name: '高平经济技术开发区',
      platformCompany: '恒通集团',
    });
    expect(createInvitation).not.toHaveBeenCalled();
    expect(outcome).toEqual({
      kind: 'created',
      zone,
      adminEmail: null,
      invitation: null,
      invitationError: null,
    });
  });

  it('invites the first administrator to the new zone', async () => {
    vi.mocked(createZone).mockResolvedValue(zone);
    vi.mocked(createInvitation).mockResolvedValue(invitation);
    const outcome = await submitZoneForm(form({ adminEmail: ' Chief@Example.CN ' }), 'zh-CN');
    expect(createInvitation).toHaveBeenCalledWith({
      email: 'chief@example.cn',
      role: 'zone_admin',
      zoneId: 'z-new',
    });
    expect(outcome).toMatchObject({ kind: 'created', invitation, invitationError: null });
  });

  it('reports the zone as created when the invitation fails', async () => {
    vi.mocked(createZone).mockResolvedValue(zone);
    vi.mocked(createInvitation).mockRejectedValue(
      new ApiError(409, { code: 'EMAIL_TAKEN', message: '该邮箱已有账号,请直接登录' }),
    );
    const outcome = await submitZoneForm(form({ adminEmail: 'chief@example.cn' }), 'zh-CN');
    expect(outcome).toEqual({
      kind: 'created',
      zone,
      adminEmail: 'chief@example.cn',
      invitation: null,
      invitationError: '该邮箱已有账号,请直接登录',
    });
  });

  it('explains a rejected invitation e-mail by its field message', async () => {
    vi.mocked(createZone).mockResolvedValue(zone);
    vi.mocked(createInvitation).mockRejectedValue(
      validationError([{ field: 'email', code: 'invalid_email', message: '请输入有效的邮箱地址' }]),
    );
    const outcome = await submitZoneForm(form({ adminEmail: 'chief@example.cn' }), 'zh-CN');
    expect(outcome).toMatchObject({ kind: 'created', invitationError: '请输入有效的邮箱地址' });
  });

  it('does not invite when the zone could not be created', async () => {
    vi.mocked(createZone).mockRejectedValue(
      new ApiError(409, { code: 'ZONE_CODE_TAKEN', message: '开发区代码已被使用' }),
    );
    const outcome = await submitZoneForm(form({ adminEmail: 'chief@example.cn' }), 'zh-CN');
    expect(createInvitation).not.toHaveBeenCalled();
    expect(outcome).toEqual({
      kind: 'failed',
      error: { fields: { code: [{ code: 'code_taken' }] }, general: [] },
    });
  });
});
