declare module 'virtual:jalons/catalog' {
	const data: import('$lib/content/serialize').SerializedCatalog;
	export default data;
}
