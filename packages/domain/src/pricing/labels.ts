import type { Labels } from '../labels';
import type { Qualification } from './types';

/** How the three qualifications (三大主导产业项目, 高新技术企业, 专精特新企业) are named. */
export const QUALIFICATION_LABELS: Labels<Qualification> = {
  leading_industry: { 'zh-CN': '三大主导产业项目', en: 'Leading-industry project' },
  high_tech: { 'zh-CN': '高新技术企业', en: 'High-tech enterprise' },
  specialised: { 'zh-CN': '专精特新企业', en: 'Specialised and innovative SME' },
};
