import { describe, expect, it } from 'vitest';
import type { FirmInput } from '@/api/firms';
import {
  changedFirmFields,
  formFromFirm,
  formToInput,
  rebaseFirmForm,
  validateFirmForm,
} from './firm-form';

const FIRM: FirmInput = {
  name: '苏州精工机械有限公司',
  creditCode: '91350100M000100Y43',
  legalRepresentative: '张伟',
  industryCode: '34',
  size: 'small',
  contactName: '李娜',
  contactPhone: '13800000000',
  highTechCertificateNo: null,
  highTechExpiresOn: null,
  specialisedLevel: null,
};

describe('firm form', () => {
  it('round-trips a firm, with empty optional fields as null', () => {
    const form = formFromFirm(FIRM);
    expect(form.highTechCertificateNo).toBe('');
    expect(form.specialisedLevel).toBe('');
    expect(formToInput(form)).toEqual(FIRM);
  });

  it('sends only what changed, trimmed and normalised', () => {
    const base = formFromFirm(FIRM);
    const edited = {
      ...base,
      name: ' 苏州精工机械股份有限公司 ',
      creditCode: '91350100m000100y43',
      specialisedLevel: 'provincial' as const,
    };
    expect(changedFirmFields(base, edited)).toEqual({
      name: '苏州精工机械股份有限公司',
      specialisedLevel: 'provincial',
    });
  });

  it('clears an optional field with null', () => {
    const base = formFromFirm({
      ...FIRM,
      highTechCertificateNo: 'GR202332001234',
      highTechExpiresOn: '2026-12-01',
    });
    expect(
      changedFirmFields(base, { ...base, highTechCertificateNo: '', highTechExpiresOn: '' }),
    ).toEqual({ highTechCertificateNo: null, highTechExpiresOn: null });
  });

  it('after a conflict keeps the fields the user changed and takes the rest from the latest', () => {
    const base = formFromFirm(FIRM);
    const mine = { ...base, contactPhone: '13900000000' };
    const latest = formFromFirm({ ...FIRM, name: '苏州精工(新)', contactPhone: '13700000000' });
    expect(rebaseFirmForm(mine, base, latest)).toEqual({
      ...latest,
      contactPhone: '13900000000',
    });
  });

  describe('validateFirmForm', () => {
    it('accepts a complete profile', () => {
      expect(validateFirmForm(formFromFirm(FIRM))).toEqual({});
    });

    it('names each missing or wrong field', () => {
      const issues = validateFirmForm({
        ...formFromFirm(FIRM),
        name: '  ',
        creditCode: '91350100M000100Y44',
        industryCode: '',
        size: '',
        contactPhone: '',
      });
      expect(issues).toEqual({
        name: [{ code: 'required' }],
        creditCode: [{ code: 'credit_code', reason: 'check_character' }],
        industryCode: [{ code: 'required' }],
        size: [{ code: 'required' }],
        contactPhone: [{ code: 'required' }],
      });
    });

    it('wants a certificate number with a validity date', () => {
      expect(validateFirmForm({ ...formFromFirm(FIRM), highTechExpiresOn: '2026-12-01' })).toEqual({
        highTechCertificateNo: [{ code: 'certificate_no_required' }],
      });
    });

    it('rejects an unknown industry code and an overlong name', () => {
      const issues = validateFirmForm({
        ...formFromFirm(FIRM),
        industryCode: '99',
        name: '厂'.repeat(201),
      });
      expect(issues.industryCode).toEqual([{ code: 'invalid_industry' }]);
      expect(issues.name).toEqual([{ code: 'too_long', max: 200 }]);
    });
  });
});
