/**
 * Who the demo freelancer deals with, each with a document as a bank shows it: CPF or CNPJ
 * with valid check digits (the big brands' own CNPJs, made-up ones for everyone else), so
 * clients that check documents see real-shaped ones.
 */
export interface Party {
  name: string;
  document: { type: 'CPF' | 'CNPJ'; value: string };
}

export interface Merchant {
  name: string;
  businessName: string;
  cnpj: string;
}

export const company = (name: string, value: string): Party => ({ name, document: { type: 'CNPJ', value } });
const person = (name: string, value: string): Party => ({ name, document: { type: 'CPF', value } });
export const merchant = (name: string, businessName: string, cnpj: string): Merchant => ({ name, businessName, cnpj });

/** The account holder: the freelancer. */
export const owner = person('John Doe', '76109277673');

/** Businesses that hire the freelancer, on a monthly retainer or by the project. */
export const companyClients: readonly Party[] = [
  company('ACME TECNOLOGIA LTDA', '11222333000181'),
  company('ESTUDIO MOSAICO DESIGN LTDA', '45997418000153'),
  company('CONSTRUTORA HORIZONTE S.A.', '31415926000171'),
  company('AGENCIA PONTO DIGITAL LTDA', '27182818000129'),
  company('EDITORA CAPIVARA LTDA', '16180339000157'),
  company('ALVORADA PAGAMENTOS S.A.', '14142135000104'),
  company('CLINICA VIVER BEM LTDA', '17320508000170'),
];

/** Private people who hire the freelancer now and then. */
export const personClients: readonly Party[] = [
  person('JOAO PEDRO DA SILVA', '39053344705'),
  person('MARIA FERNANDA SOUZA', '52998224725'),
  person('ANA BEATRIZ OLIVEIRA', '46140548705'),
  person('RAFAEL COSTA LIMA', '56133059001'),
  person('CARLA MENDES ROCHA', '83449364383'),
];

export const landlord = company('IMOBILIARIA CENTRO LTDA', '27865757000102');
export const condominium = company('CONDOMINIO EDIFICIO JACARANDA', '26457513000110');
export const accountant = company('CONTABILIDADE AGIL LTDA', '22360679000162');
export const receita = company('RECEITA FEDERAL', '00394460005887');
/** Health plan operators, with the name their boleto shows in a statement. */
export const healthPlans: readonly { label: string; party: Party }[] = [
  { label: 'AMIL SAUDE', party: company('AMIL ASSISTENCIA MEDICA INTERNACIONAL S.A.', '29309127000179') },
  { label: 'SULAMERICA SAUDE', party: company('SUL AMERICA CIA DE SEGURO SAUDE', '01685053000156') },
];
export const utilities = {
  electricity: company('ENEL DISTRIBUICAO SAO PAULO', '61695227000193'),
  water: company('SABESP', '43776517000180'),
  gas: company('COMGAS', '61856571000117'),
  internet: company('TELEFONICA BRASIL S.A.', '02558157000162'),
  mobile: company('CLARO S.A.', '40432544000147'),
};
