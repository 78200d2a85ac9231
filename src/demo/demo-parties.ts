// The demo agencies and their log-ins. Fictional agencies: the demo never claims to be a real one.
import type { Role } from '../domain/shared/roles.js';

export type DemoParty = {
  nodeId: string;
  name: { en: string; zh: string };
  country: string;
  timeZone: string;
  locale: 'en' | 'zh-CN';
  approvalRequiredForOutgoingData: boolean;
};

export const DEMO_PARTIES: DemoParty[] = [
  {
    nodeId: 'cn-demo',
    name: { en: 'Demo Cybercrime Unit (China)', zh: '演示网络犯罪侦查部门（中国）' },
    country: 'CN',
    timeZone: 'Asia/Shanghai',
    locale: 'zh-CN',
    approvalRequiredForOutgoingData: true,
  },
  {
    nodeId: 'us-demo',
    name: { en: 'Demo Cyber Division (United States)', zh: '演示网络犯罪调查部门（美国）' },
    country: 'US',
    timeZone: 'America/New_York',
    locale: 'en',
    approvalRequiredForOutgoingData: false,
  },
  {
    nodeId: 'eu-demo',
    name: { en: 'Demo Cybercrime Centre (EU)', zh: '演示网络犯罪中心（欧盟）' },
    country: 'EU',
    timeZone: 'Europe/Brussels',
    locale: 'en',
    approvalRequiredForOutgoingData: false,
  },
];

export const DEMO_PASSWORD = 'crossline-demo-2026';

export type DemoUsername = 'admin' | 'duty' | 'investigator' | 'analyst' | 'supervisor' | 'auditor';

export const DEMO_USERS: { username: DemoUsername; roles: Role[]; name: { en: string; zh: string } }[] = [
  { username: 'admin', roles: ['admin'], name: { en: 'Alex Admin', zh: '系统管理员 王敏' } },
  { username: 'duty', roles: ['point_of_contact'], name: { en: 'Dana Duty', zh: '值班联络员 李强' } },
  { username: 'investigator', roles: ['investigator'], name: { en: 'Ivan Investigator', zh: '侦查员 张伟' } },
  { username: 'analyst', roles: ['analyst'], name: { en: 'Ana Analyst', zh: '分析员 陈静' } },
  { username: 'supervisor', roles: ['supervisor'], name: { en: 'Sam Supervisor', zh: '主管 刘洋' } },
  { username: 'auditor', roles: ['auditor'], name: { en: 'Audrey Auditor', zh: '审计员 赵丽' } },
];
